using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Syntax.Dump;

/// <summary>Receives a node's fields in order; <see cref="NodeFields"/> drives it, the text and JSON dumpers implement it.</summary>
internal interface INodeWriter
{
    /// <summary>Starts a node of Python class <paramref name="typeName"/>.</summary>
    /// <param name="typeName">The Python class name.</param>
    void BeginNode(string typeName);

    /// <summary>A child node field (optional fields may be null).</summary>
    /// <param name="name">Field name.</param>
    /// <param name="value">The child.</param>
    /// <param name="optional">Whether the ASDL marks it <c>?</c>.</param>
    void NodeField(string name, Node? value, bool optional);

    /// <summary>A list of nodes (Dict keys may hold null).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">Field name.</param>
    /// <param name="values">The list.</param>
    void NodeListField<T>(string name, IReadOnlyList<T> values)
        where T : Node?;

    /// <summary>A list of identifiers.</summary>
    /// <param name="name">Field name.</param>
    /// <param name="values">The list.</param>
    void StringListField(string name, IReadOnlyList<string> values);

    /// <summary>A list of operators (Compare's ops).</summary>
    /// <typeparam name="T">The operator enum.</typeparam>
    /// <param name="name">Field name.</param>
    /// <param name="values">The list.</param>
    void OperatorListField<T>(string name, IReadOnlyList<T> values)
        where T : struct, Enum;

    /// <summary>An operator or context, by its Python class name.</summary>
    /// <param name="name">Field name.</param>
    /// <param name="value">The class name.</param>
    void OperatorField(string name, string value);

    /// <summary>An identifier or string field.</summary>
    /// <param name="name">Field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="optional">Whether the ASDL marks it <c>?</c>.</param>
    void StringField(string name, string? value, bool optional);

    /// <summary>An int field.</summary>
    /// <param name="name">Field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="optional">Whether the ASDL marks it <c>?</c>.</param>
    void IntField(string name, int? value, bool optional);

    /// <summary>A constant field (Constant.value, MatchSingleton.value).</summary>
    /// <param name="name">Field name.</param>
    /// <param name="value">The value as <see cref="ConstantValues"/> describes.</param>
    void ConstantField(string name, object? value);

    /// <summary>Ends the node; <paramref name="located"/> carries the position when the node has one.</summary>
    /// <param name="located">The node, when it has a position.</param>
    void EndNode(Located? located);
}
