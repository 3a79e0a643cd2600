using System.Text;

namespace Reclaim.Cli.Demo;

/// <summary>A plain-text table whose cells wrap at word boundaries within fixed column widths.</summary>
/// <param name="headers">Column titles.</param>
/// <param name="widths">Column widths in characters.</param>
public sealed class TextTable(IReadOnlyList<string> headers, IReadOnlyList<int> widths)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    /// <summary>Adds a row; it must have one cell per column.</summary>
    /// <param name="cells">The cells.</param>
    public void AddRow(IReadOnlyList<string> cells)
    {
        if (cells.Count != headers.Count)
        {
            throw new ArgumentException($"A row needs {headers.Count} cells, got {cells.Count}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table.</summary>
    /// <param name="output">Where to write.</param>
    public void Write(TextWriter output)
    {
        WriteRow(output, headers);
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (IReadOnlyList<string> row in _rows)
        {
            WriteRow(output, row);
        }
    }

    private void WriteRow(TextWriter output, IReadOnlyList<string> cells)
    {
        List<string>[] wrapped = [.. cells.Select((cell, i) => Wrap(cell, widths[i]))];
        int lines = wrapped.Max(w => w.Count);
        for (int line = 0; line < lines; line++)
        {
            StringBuilder text = new();
            for (int column = 0; column < cells.Count; column++)
            {
                if (column > 0)
                {
                    text.Append(" | ");
                }

                string part = line < wrapped[column].Count ? wrapped[column][line] : "";
                text.Append(part.PadRight(widths[column]));
            }

            output.WriteLine(text.ToString().TrimEnd());
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters, breaking long words.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        List<string> lines = [];
        StringBuilder current = new();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string rest = word;
            while (rest.Length > width)
            {
                Flush();
                lines.Add(rest[..width]);
                rest = rest[width..];
            }

            if (current.Length > 0 && current.Length + 1 + rest.Length > width)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(rest);
        }

        Flush();
        return lines.Count == 0 ? [""] : lines;

        void Flush()
        {
            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
