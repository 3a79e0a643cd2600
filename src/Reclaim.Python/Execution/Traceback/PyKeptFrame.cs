using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution.Traceback;

/// <summary>
/// A finished frame an exception passed through, kept with its locals and cells because CPython's traceback holds
/// its frames (traceback -> frame -> locals): a local that only such a frame references dies when the exception does.
/// Made only when an exception leaves a frame that holds something a collector or finalizer could see, so the normal
/// return path costs nothing; the collector sees through it to the locals, so cycles through a traceback are found.
/// </summary>
internal sealed class PyKeptFrame : PyObject
{
    // The frame's own arrays and namespaces, read by the traversal as fields (the frame keeps owning the arrays' items).
    private readonly Frame _frame;
    private readonly Value[] _locals;
    private readonly PyCell?[] _cells;
    private readonly PyDict _globals;
    private readonly PyDict? _namespace;
    private PyDict? _snapshot;
    private bool _cleared;

    private PyKeptFrame(PyType type, Frame frame)
        : base(type)
    {
        _frame = frame;
        _locals = frame.Locals;
        _cells = frame.Cells;
        _snapshot = frame.LocalsSnapshot;
        _globals = frame.Globals;
        _namespace = frame.Namespace;
        _globals.AddRef();
        _namespace?.AddRef();
    }

    /// <summary>
    /// Hands <paramref name="frame"/> (finished, its locals still in place) to <paramref name="error"/>; false when the
    /// frame holds no object worth keeping, and the caller clears it as usual.
    /// </summary>
    public static bool Keep(PyException error, Frame frame)
    {
        if (!HoldsObjects(frame))
        {
            return false;
        }

        PyContext ctx = PyContext.Current;
        PyBaseException exc = error.Object;
        if (exc.KeptFrames.Obj is not PyList list || !exc.IsAlive)
        {
            list = ctx.NewList();
            PyBaseException.Replace(ref exc.KeptFrames, Value.Steal(list));
        }

        var kept = new PyKeptFrame(ctx.FrameType, frame);
        ctx.Runtime.AdoptReference(kept);
        list.Append(Value.Steal(kept));
        return true;
    }

    private static bool HoldsObjects(Frame frame)
    {
        if (frame.Cells.Length > 0 || frame.LocalsSnapshot is not null)
        {
            return true;
        }

        foreach (Value v in frame.Locals)
        {
            if (v.Obj is PyObject)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        foreach (Value v in _locals)
        {
            if (v.Obj is PyObject o)
            {
                visitor.Visit(o);
            }
        }

        foreach (PyCell? c in _cells)
        {
            if (c is not null)
            {
                visitor.Visit(c);
            }
        }

        if (_snapshot is { } snapshot)
        {
            visitor.Visit(snapshot);
        }

        visitor.Visit(_globals);
        if (_namespace is { } ns)
        {
            visitor.Visit(ns);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        if (!_cleared)
        {
            _cleared = true;
            _snapshot = null;
            _frame.Clear();
            _globals.Release();
            _namespace?.Release();
        }

        base.ClearReferences();
    }
}
