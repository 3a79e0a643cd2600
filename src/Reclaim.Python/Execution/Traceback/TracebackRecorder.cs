namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// Adds traceback entries as an exception passes through a frame, at no cost while nothing is raised: nodes that can
/// raise call <see cref="Record"/> from an exception filter, which runs while the exception is on its way out and never
/// catches it. The innermost node of a frame sees the exception first, so the entry carries the position of the
/// operation that actually raised (or of the call the exception came out of), as CPython's instruction positions do.
/// </summary>
internal static class TracebackRecorder
{
    /// <summary>
    /// Adds the entry for <paramref name="frame"/> at <paramref name="span"/> unless this raise already has one for
    /// that frame. Returns false, so <c>catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))</c>
    /// never catches.
    /// </summary>
    public static bool Record(PyException e, Frame frame, SourceSpan span)
    {
        if (!ReferenceEquals(e.RecordedIn, frame))
        {
            frame.Escaped = true;
            e.RecordedIn = frame;
            SourceSpan at = span.Line > 0 ? span : SourceSpan.LineOnly(frame.Line);
            e.Object.Entries.Add(new TracebackEntry(frame.Code.FileName, frame.Code.Name, at, frame));
        }

        return false;
    }

    /// <summary>Adds the frame's entry at its current line, if no node of the frame added one.</summary>
    public static void RecordLine(PyException e, Frame frame) => Record(e, frame, SourceSpan.LineOnly(frame.Line));

    /// <summary>
    /// Marks a re-raise of the exception being handled (a bare <c>raise</c>): like CPython, it keeps the traceback as
    /// it is and adds nothing for the frame that re-raises.
    /// </summary>
    public static PyException Reraise(PyException e, Frame frame)
    {
        frame.Escaped = true;
        e.RecordedIn = frame;
        return e;
    }
}
