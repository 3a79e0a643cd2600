using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// The objects programs see for a traceback: <c>__traceback__</c>'s chain of traceback objects (<c>tb_next</c>,
/// <c>tb_frame</c>, <c>tb_lineno</c>), their frames (<c>f_code</c>, <c>f_lineno</c>) and code objects (<c>co_name</c>...).
/// They are made from an exception's entries only when asked for, and the chain made once is kept: asking again, or
/// after the exception travelled further, gives the same objects with new ones at the head, as in CPython.
/// </summary>
internal static class TracebackObjects
{
    // Layout of the boxes: a traceback holds [tb_next, tb_frame] and its entry; a frame holds [f_code], its entry's
    // line and the running frame; a code object holds the interpreter's Code.
    private const int TbNext = 0;
    private const int TbFrame = 1;
    private const int FrameCode = 0;
    private const int FrameKept = 1;

    /// <summary><c>exc.__traceback__</c>: a new reference to the head of the chain, or None.</summary>
    public static Value Get(PyBaseException e)
    {
        List<TracebackEntry> entries = e.Entries;
        if (e.TracebackEntryCount > entries.Count)
        {
            PyBaseException.Replace(ref e.Traceback, default);
            e.TracebackEntryCount = 0;
        }

        for (int i = e.TracebackEntryCount; i < entries.Count; i++)
        {
            Value next = e.Traceback;
            e.Traceback = NewTraceback(entries[i], next, PyKeptFrame.Find(e, entries[i].Frame));
        }

        e.TracebackEntryCount = entries.Count;
        return e.Traceback.IsNull ? Value.None : e.Traceback.Dup();
    }

    /// <summary>
    /// <c>exc.__traceback__ = tb</c> and <c>with_traceback(tb)</c>: the chain becomes the exception's traceback.
    /// </summary>
    public static void Set(PyBaseException e, Value tb)
    {
        PyContext ctx = PyContext.Current;
        if (!tb.IsNone && (tb.Obj is not PyBox box || box.Type != ctx.TracebackType))
        {
            throw PyErr.TypeError("__traceback__ must be a traceback or None");
        }

        var chain = new List<TracebackEntry>();
        for (Value t = tb; t.Obj is PyBox b; t = b.Slots[TbNext])
        {
            chain.Add((TracebackEntry)b.Native!);
        }

        chain.Reverse();
        e.Entries.Clear();
        e.Entries.AddRange(chain);
        PyBaseException.Replace(ref e.Traceback, tb.IsNone ? default : tb.Dup());
        e.TracebackEntryCount = chain.Count;
    }

    /// <summary>A new reference to the attribute of a traceback, frame or code object, or null for any other object.</summary>
    public static Value GetAttribute(PyBox box, string name)
    {
        PyContext ctx = PyContext.Current;
        if (box.Type == ctx.TracebackType)
        {
            var entry = (TracebackEntry)box.Native!;
            return name switch
            {
                "tb_next" => box.Slots[TbNext].IsNull ? Value.None : box.Slots[TbNext].Dup(),
                "tb_frame" => box.Slots[TbFrame].Dup(),
                "tb_lineno" => Value.Int(entry.Line),
                "tb_lasti" => Value.Int(-1),
                _ => default,
            };
        }

        if (box.Type == ctx.FrameType)
        {
            return name switch
            {
                "f_code" => box.Slots[FrameCode].Dup(),
                "f_lineno" => Value.Int(box.Native is Frame { Generator: { } g } gf
                    ? g.Progress == GeneratorState.Created ? gf.Code.FirstLine : gf.Line
                    : LineOf(box)),
                "f_globals" => box.Native is Frame { Globals: { } globals } ? Value.New(globals) : default,
                "f_locals" => box.Native is Frame { Generator: not null } lf ? Modules.GeneratorMethods.Locals(ctx, lf) : default,
                "f_lasti" => Value.Int(-1),
                "f_back" => Value.None,
                _ => default,
            };
        }

        return default;
    }

    // A frame that is still running is at its current line; one that has finished stays where the exception left it.
    private static int LineOf(PyBox frameObject)
    {
        if (frameObject.Native is Frame frame)
        {
            for (Frame? f = PyContext.Current.TopFrame; f is not null; f = f.Back)
            {
                if (ReferenceEquals(f, frame))
                {
                    return frame.Line;
                }
            }
        }

        return (int)frameObject.Index;
    }

    /// <summary>CPython's repr of a frame.</summary>
    public static string FrameRepr(Value frame)
    {
        var box = (PyBox)frame.Obj!;
        Code code = ((PyCode)box.Slots[FrameCode].Obj!).Code;
        return $"<frame at {Ops.Address(frame)}, file '{code.FileName}', line {LineOf(box)}, code {code.Name}>";
    }

    // The frame object holds the kept frame (when the exception kept one), so a traceback that outlives its exception
    // still keeps the frame's locals alive, as tb -> frame does in CPython.
    private static Value NewTraceback(TracebackEntry entry, Value ownedNext, Value keptFrame)
    {
        PyContext ctx = PyContext.Current;
        var frame = new PyBox(ctx.FrameType, 2) { Index = entry.Line, Native = entry.Frame };
        frame.Slots[FrameCode] = NewCode(entry);
        frame.Slots[FrameKept] = keptFrame.Dup();
        ctx.Runtime.AdoptReference(frame);
        var tb = new PyBox(ctx.TracebackType, 2) { Native = entry };
        tb.Slots[TbNext] = ownedNext;
        tb.Slots[TbFrame] = Value.Steal(frame);
        return Value.Steal(ctx.Runtime.AdoptReference(tb));
    }

    private static Value NewCode(TracebackEntry entry)
    {
        PyContext ctx = PyContext.Current;
        Code code = entry.Frame?.Code ?? new Code { Name = entry.Function, QualName = entry.Function, FileName = entry.File };
        return Value.Steal(ctx.Runtime.AdoptReference(new PyCode(ctx.CodeType, code, "function")));
    }
}
