namespace Reclaim.Python.Syntax.Ast;

/// <summary>
/// A node with a source position, as Python's nodes whose <c>_attributes</c> are <c>lineno</c>, <c>col_offset</c>,
/// <c>end_lineno</c>, <c>end_col_offset</c>. Lines count from 1; columns are UTF-8 byte offsets from the start of
/// the line, counting from 0, exactly as CPython reports them.
/// </summary>
internal abstract class Located : Node
{
    /// <summary>Creates a node of the given kind at the given span.</summary>
    /// <param name="kind">The node's Python class.</param>
    /// <param name="lineno">First line (1-based).</param>
    /// <param name="colOffset">UTF-8 byte offset of the first character on the first line.</param>
    /// <param name="endLineno">Last line (1-based).</param>
    /// <param name="endColOffset">UTF-8 byte offset just past the last character on the last line.</param>
    protected Located(NodeKind kind, int lineno, int colOffset, int endLineno, int endColOffset)
        : base(kind)
    {
        Lineno = lineno;
        ColOffset = colOffset;
        EndLineno = endLineno;
        EndColOffset = endColOffset;
    }

    /// <summary>Python's <c>lineno</c>: the first line, from 1.</summary>
    public int Lineno { get; set; }

    /// <summary>Python's <c>col_offset</c>: UTF-8 byte offset of the node's start in its first line.</summary>
    public int ColOffset { get; set; }

    /// <summary>Python's <c>end_lineno</c>: the last line, from 1.</summary>
    public int EndLineno { get; set; }

    /// <summary>Python's <c>end_col_offset</c>: UTF-8 byte offset just past the node's end in its last line.</summary>
    public int EndColOffset { get; set; }
}
