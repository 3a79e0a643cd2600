using System.Text;
using System.Text.Json;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Syntax.Dump;

/// <summary>
/// The tree as JSON for tools: each node an object with <c>"_type"</c> (Python's class name), its fields under
/// Python's names and, on request, its position. Constants that JSON cannot hold exactly (big ints, floats, complex,
/// bytes, Ellipsis) are objects <c>{"_repr": "…"}</c> with Python's repr.
/// </summary>
internal sealed class AstJson : INodeWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly bool _includeAttributes;

    private AstJson(Utf8JsonWriter json, bool includeAttributes)
    {
        _json = json;
        _includeAttributes = includeAttributes;
    }

    /// <summary>Writes <paramref name="node"/> as indented JSON.</summary>
    /// <param name="node">The tree.</param>
    /// <param name="includeAttributes">Whether to include positions.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(Node node, bool includeAttributes) => PythonSyntax.OnLargeStack(() =>
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, MaxDepth = 4 * DepthLimit.MaxDepth }))
        {
            NodeFields.Write(node, new AstJson(json, includeAttributes));
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    });

    /// <inheritdoc/>
    public void BeginNode(string typeName)
    {
        _json.WriteStartObject();
        _json.WriteString("_type", typeName);
    }

    /// <inheritdoc/>
    public void NodeField(string name, Node? value, bool optional)
    {
        _json.WritePropertyName(name);
        WriteNode(value);
    }

    /// <inheritdoc/>
    public void NodeListField<T>(string name, IReadOnlyList<T> values)
        where T : Node?
    {
        _json.WriteStartArray(name);
        foreach (T value in values)
        {
            WriteNode(value);
        }

        _json.WriteEndArray();
    }

    /// <inheritdoc/>
    public void StringListField(string name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        foreach (string value in values)
        {
            _json.WriteStringValue(value);
        }

        _json.WriteEndArray();
    }

    /// <inheritdoc/>
    public void OperatorListField<T>(string name, IReadOnlyList<T> values)
        where T : struct, Enum
    {
        _json.WriteStartArray(name);
        foreach (T value in values)
        {
            _json.WriteStringValue(value.ToString());
        }

        _json.WriteEndArray();
    }

    /// <inheritdoc/>
    public void OperatorField(string name, string value) => _json.WriteString(name, value);

    /// <inheritdoc/>
    public void StringField(string name, string? value, bool optional) => _json.WriteString(name, value);

    /// <inheritdoc/>
    public void IntField(string name, int? value, bool optional)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteNumber(name, value.Value);
        }
    }

    /// <inheritdoc/>
    public void ConstantField(string name, object? value)
    {
        _json.WritePropertyName(name);
        switch (value)
        {
            case null: _json.WriteNullValue(); break;
            case bool b: _json.WriteBooleanValue(b); break;
            case long l: _json.WriteNumberValue(l); break;
            case string s: _json.WriteStringValue(s); break;
            case CodePointString s: _json.WriteStringValue(s.ToString()); break;
            default:
                var repr = new StringBuilder();
                PythonRepr.AppendConstant(repr, value);
                _json.WriteStartObject();
                _json.WriteString("_repr", repr.ToString());
                _json.WriteEndObject();
                break;
        }
    }

    /// <inheritdoc/>
    public void EndNode(Located? located)
    {
        if (_includeAttributes && located is not null)
        {
            _json.WriteNumber("lineno", located.Lineno);
            _json.WriteNumber("col_offset", located.ColOffset);
            _json.WriteNumber("end_lineno", located.EndLineno);
            _json.WriteNumber("end_col_offset", located.EndColOffset);
        }

        _json.WriteEndObject();
    }

    private void WriteNode(Node? node)
    {
        if (node is null)
        {
            _json.WriteNullValue();
        }
        else
        {
            NodeFields.Write(node, this);
        }
    }

}
