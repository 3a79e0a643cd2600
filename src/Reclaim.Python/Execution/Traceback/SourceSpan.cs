using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// Where an operation sits in the source, as CPython 3.11 records it for each instruction: first and last line (from 1)
/// and UTF-8 byte columns (from 0) on those lines. Columns are -1 when only the line is known; then a traceback shows
/// the line without markers.
/// </summary>
internal readonly record struct SourceSpan(int Line, int Col, int EndLine, int EndCol)
{
    /// <summary>The span of an AST node.</summary>
    public static SourceSpan Of(Located node) => new(node.Lineno, node.ColOffset, node.EndLineno, node.EndColOffset);

    /// <summary>A span that knows only its line.</summary>
    public static SourceSpan LineOnly(int line) => new(line, -1, line, -1);

    /// <summary>Whether both columns are known.</summary>
    public bool HasColumns => Col >= 0 && EndCol >= 0 && Line > 0 && EndLine > 0;

    /// <summary>
    /// The span of <c>value.attr</c> as 3.11 reports it for the attribute access (and for a method call's call): when
    /// the access does not start on the line where the attribute's name ends, the start moves to that name, so a
    /// traceback points at the line of <c>.attr</c> rather than at the line where <c>value</c> began.
    /// </summary>
    public static SourceSpan AtAttribute(SourceSpan operation, AttributeExpr attribute)
    {
        if (operation.Line == attribute.EndLineno)
        {
            return operation;
        }

        int nameBytes = System.Text.Encoding.UTF8.GetByteCount(attribute.Attr);
        int col = nameBytes <= attribute.EndColOffset ? attribute.EndColOffset - nameBytes : -1;
        int endLine = Math.Max(attribute.EndLineno, operation.EndLine);
        int endCol = col < 0 ? -1 : operation.EndCol;
        if (col >= 0 && endLine == attribute.EndLineno)
        {
            endCol = Math.Max(col, endCol);
        }

        return new SourceSpan(attribute.EndLineno, col, endLine, endCol);
    }
}
