namespace Reclaim.Python.Syntax.Ast;

/// <summary>The root of a parse (Python's <c>mod</c>): <see cref="Module"/>, <see cref="Interactive"/>, <see cref="Expression"/> or <see cref="FunctionType"/>.</summary>
internal abstract class Mod : Node
{
    /// <summary>Creates the node.</summary>
    /// <param name="kind">The node's Python class.</param>
    protected Mod(NodeKind kind)
        : base(kind)
    {
    }
}
