namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>
/// One token: its kind, its text (names, numbers, strings) and its span as CPython reports positions
/// (lines from 1, columns as UTF-8 byte offsets).
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">The source text for names, numbers and strings; null otherwise.</param>
/// <param name="Line">First line.</param>
/// <param name="Col">Byte column of the first character.</param>
/// <param name="EndLine">Last line.</param>
/// <param name="EndCol">Byte column just past the last character.</param>
/// <param name="Start">Index of the first character in the source text.</param>
internal readonly record struct Token(TokenKind Kind, string? Text, int Line, int Col, int EndLine, int EndCol, int Start)
{
    /// <summary>Whether this token only shapes lines (NEWLINE, INDENT, DEDENT, ENDMARKER).</summary>
    public bool IsWhitespace => Kind <= TokenKind.Dedent;
}
