using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Syntax.Dump;

/// <summary>
/// CPython turns its C tree into Python objects recursively and gives up past about 3000 levels with
/// "maximum recursion depth exceeded during ast construction" (a RecursionError). The same limit applies here, so
/// that a tree CPython refuses is refused alike and later passes never recurse deeper.
/// </summary>
internal sealed class DepthLimit : INodeWriter
{
    /// <summary>The deepest nesting CPython 3.11's <c>ast.parse</c> accepts, counting the module and the leaf.</summary>
    public const int MaxDepth = 2991;

    private int _depth;

    private DepthLimit()
    {
    }

    /// <summary>Throws CPython's RecursionError when <paramref name="root"/> nests deeper than <see cref="MaxDepth"/>.</summary>
    /// <param name="root">The tree.</param>
    /// <exception cref="PythonSyntaxError">Too deep (type name <c>RecursionError</c>).</exception>
    public static void Check(Node root) => NodeFields.Write(root, new DepthLimit());

    /// <inheritdoc/>
    public void BeginNode(string typeName)
    {
        if (++_depth > MaxDepth)
        {
            throw new PythonSyntaxError("RecursionError", "maximum recursion depth exceeded during ast construction", 0, 0, null);
        }
    }

    /// <inheritdoc/>
    public void NodeField(string name, Node? value, bool optional)
    {
        if (value is not null)
        {
            NodeFields.Write(value, this);
        }
    }

    /// <inheritdoc/>
    public void NodeListField<T>(string name, IReadOnlyList<T> values)
        where T : Node?
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                NodeFields.Write(value, this);
            }
        }
    }

    /// <inheritdoc/>
    public void StringListField(string name, IReadOnlyList<string> values)
    {
    }

    /// <inheritdoc/>
    public void OperatorListField<T>(string name, IReadOnlyList<T> values)
        where T : struct, Enum
    {
    }

    /// <inheritdoc/>
    public void OperatorField(string name, string value)
    {
    }

    /// <inheritdoc/>
    public void StringField(string name, string? value, bool optional)
    {
    }

    /// <inheritdoc/>
    public void IntField(string name, int? value, bool optional)
    {
    }

    /// <inheritdoc/>
    public void ConstantField(string name, object? value)
    {
    }

    /// <inheritdoc/>
    public void EndNode(Located? located) => _depth--;
}
