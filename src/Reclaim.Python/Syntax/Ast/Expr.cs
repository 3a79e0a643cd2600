namespace Reclaim.Python.Syntax.Ast;

/// <summary>An expression (Python's <c>expr</c>); the C# names of expressions end in <c>Expr</c>.</summary>
internal abstract class Expr : Located
{
    /// <summary>Creates the node.</summary>
    /// <param name="kind">The node's Python class.</param>
    /// <param name="lineno">First line (1-based).</param>
    /// <param name="colOffset">UTF-8 byte offset of the start in the first line.</param>
    /// <param name="endLineno">Last line (1-based).</param>
    /// <param name="endColOffset">UTF-8 byte offset just past the end in the last line.</param>
    protected Expr(NodeKind kind, int lineno, int colOffset, int endLineno, int endColOffset)
        : base(kind, lineno, colOffset, endLineno, endColOffset)
    {
    }
}
