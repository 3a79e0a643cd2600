using System.Text;

namespace Reclaim.Generators.Emit;

/// <summary>Builds indented C# source line by line, with <c>\n</c> line endings whatever the platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public SourceWriter Open()
    {
        Line("{");
        _depth++;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c>.</summary>
    public SourceWriter Close()
    {
        _depth--;
        return Line("}");
    }

    public override string ToString() => _text.ToString();
}
