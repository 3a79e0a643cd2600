namespace Reclaim.Python.Syntax.Errors;

/// <summary>
/// A syntax error as CPython reports it: the exception type (<c>SyntaxError</c>, <c>IndentationError</c>,
/// <c>TabError</c>), the message, and the 1-based line and column (CPython's <c>offset</c>, counted in characters
/// from 1) with the source line.
/// </summary>
internal sealed class PythonSyntaxError : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="typeName">Python's exception class name.</param>
    /// <param name="message">The message CPython gives.</param>
    /// <param name="lineno">The line, from 1.</param>
    /// <param name="offset">The column, from 1, in characters of the line.</param>
    /// <param name="text">The source line, or null.</param>
    public PythonSyntaxError(string typeName, string message, int lineno, int offset, string? text)
        : base(message)
    {
        TypeName = typeName;
        Lineno = lineno;
        Offset = offset;
        Text = text;
    }

    /// <summary>Python's exception class: <c>SyntaxError</c>, <c>IndentationError</c> or <c>TabError</c>.</summary>
    public string TypeName { get; }

    /// <summary>The line, from 1.</summary>
    public int Lineno { get; }

    /// <summary>The column, from 1, in characters.</summary>
    public int Offset { get; }

    /// <summary>The source line, or null when there is none.</summary>
    public string? Text { get; }

    /// <summary>Formats the error as CPython prints an uncaught one (file line, source line, caret, message).</summary>
    /// <param name="fileName">The file name to show.</param>
    /// <returns>The text, ending in a newline.</returns>
    public string Format(string fileName)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append("  File \"").Append(fileName).Append("\", line ").Append(Lineno).Append('\n');
        if (Text is not null)
        {
            string line = Text.TrimEnd('\n', '\r');
            string stripped = line.TrimStart(' ', '\t', '\f');
            int removed = line.Length - stripped.Length;
            builder.Append("    ").Append(stripped).Append('\n');
            int caret = Math.Max(0, Offset - 1 - removed);
            builder.Append("    ").Append(' ', Math.Min(caret, stripped.Length)).Append("^\n");
        }

        builder.Append(TypeName).Append(": ").Append(Message).Append('\n');
        return builder.ToString();
    }
}
