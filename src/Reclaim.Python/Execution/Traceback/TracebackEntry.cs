namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// One entry of an exception's traceback: the frame's file and function and where in it the exception arose (the span
/// of the operation that raised, or of the call it came out of). Its line is the span's first line. The frame, when
/// known, is what the entry's frame object shows (<c>f_code</c>, and <c>f_lineno</c> while it still runs).
/// </summary>
internal readonly record struct TracebackEntry(string File, string Function, SourceSpan Span, Frame? Frame = null)
{
    /// <summary>The line the traceback shows (<c>tb_lineno</c>).</summary>
    public int Line => Span.Line;

    /// <summary>An entry that knows only its line (no markers are shown under it).</summary>
    public static implicit operator TracebackEntry((string File, int Line, string Function) entry) =>
        new(entry.File, entry.Function, SourceSpan.LineOnly(entry.Line));

    /// <summary>Deconstructs into file, line and function, the shape older callers read.</summary>
    public void Deconstruct(out string file, out int line, out string function)
    {
        file = File;
        line = Line;
        function = Function;
    }
}
