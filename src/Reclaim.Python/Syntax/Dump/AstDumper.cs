using System.Text;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Syntax.Dump;

/// <summary>
/// Writes the text of CPython 3.11's <c>ast.dump(node, include_attributes=…)</c>: annotated fields, optional fields
/// that are None left out, lists in brackets, values as Python's <c>repr</c>.
/// </summary>
internal sealed class AstDumper : INodeWriter
{
    private readonly StringBuilder _text = new();
    private readonly bool _includeAttributes;
    private readonly Stack<bool> _hasField = new();

    private AstDumper(bool includeAttributes) => _includeAttributes = includeAttributes;

    /// <summary>Dumps <paramref name="node"/>.</summary>
    /// <param name="node">The tree.</param>
    /// <param name="includeAttributes">Whether to add <c>lineno</c>, <c>col_offset</c>, <c>end_lineno</c>, <c>end_col_offset</c>.</param>
    /// <returns>The text, as <c>ast.dump</c> returns it.</returns>
    public static string Dump(Node node, bool includeAttributes)
    {
        var dumper = new AstDumper(includeAttributes);
        NodeFields.Write(node, dumper);
        return dumper._text.ToString();
    }

    /// <inheritdoc/>
    public void BeginNode(string typeName)
    {
        _text.Append(typeName).Append('(');
        _hasField.Push(false);
    }

    /// <inheritdoc/>
    public void NodeField(string name, Node? value, bool optional)
    {
        if (value is null && optional)
        {
            return;
        }

        Name(name);
        WriteNode(value);
    }

    /// <inheritdoc/>
    public void NodeListField<T>(string name, IReadOnlyList<T> values)
        where T : Node?
    {
        Name(name);
        _text.Append('[');
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            WriteNode(values[i]);
        }

        _text.Append(']');
    }

    /// <inheritdoc/>
    public void StringListField(string name, IReadOnlyList<string> values)
    {
        Name(name);
        _text.Append('[');
        for (int i = 0; i < values.Count; i++)
        {
            _text.Append(i > 0 ? ", " : string.Empty);
            PythonRepr.AppendString(_text, values[i]);
        }

        _text.Append(']');
    }

    /// <inheritdoc/>
    public void OperatorListField<T>(string name, IReadOnlyList<T> values)
        where T : struct, Enum
    {
        Name(name);
        _text.Append('[');
        for (int i = 0; i < values.Count; i++)
        {
            _text.Append(i > 0 ? ", " : string.Empty).Append(values[i].ToString()).Append("()");
        }

        _text.Append(']');
    }

    /// <inheritdoc/>
    public void OperatorField(string name, string value)
    {
        Name(name);
        _text.Append(value).Append("()");
    }

    /// <inheritdoc/>
    public void StringField(string name, string? value, bool optional)
    {
        if (value is null && optional)
        {
            return;
        }

        Name(name);
        if (value is null)
        {
            _text.Append("None");
        }
        else
        {
            PythonRepr.AppendString(_text, value);
        }
    }

    /// <inheritdoc/>
    public void IntField(string name, int? value, bool optional)
    {
        if (value is null && optional)
        {
            return;
        }

        Name(name);
        _text.Append(value is null ? "None" : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public void ConstantField(string name, object? value)
    {
        Name(name);
        PythonRepr.AppendConstant(_text, value);
    }

    /// <inheritdoc/>
    public void EndNode(Located? located)
    {
        if (_includeAttributes && located is not null)
        {
            IntField("lineno", located.Lineno, false);
            IntField("col_offset", located.ColOffset, false);
            IntField("end_lineno", located.EndLineno, false);
            IntField("end_col_offset", located.EndColOffset, false);
        }

        _hasField.Pop();
        _text.Append(')');
    }

    private void WriteNode(Node? node)
    {
        if (node is null)
        {
            _text.Append("None");
        }
        else
        {
            NodeFields.Write(node, this);
        }
    }

    private void Name(string name)
    {
        if (_hasField.Peek())
        {
            _text.Append(", ");
        }
        else
        {
            _hasField.Pop();
            _hasField.Push(true);
        }

        _text.Append(name).Append('=');
    }
}
