using Reclaim.Python.Execution;

namespace Reclaim.Python.Objects;

/// <summary>Where a generator is in its life (CPython's <c>gi_frame_state</c>, reduced to what programs can see).</summary>
internal enum GeneratorState
{
    Created, Suspended, Running, Finished,
}

/// <summary>
/// A generator object (a <c>def</c> with <c>yield</c>, or a generator expression). It owns its frame, as CPython
/// 3.11's generators embed theirs: the frame's locals, cells and hidden temporaries (for-loop iterators, pending
/// exceptions, <c>__exit__</c> methods, <c>yield from</c> delegates) are the generator's references, traversed and
/// cleared with it. The resumable nodes keep their resume points in <see cref="ResumePoints"/>; the code that runs it
/// is <see cref="GeneratorOps"/>. A suspended generator is closed by its finalizer (PEP 442), as CPython's.
/// </summary>
internal sealed class PyGenerator : PyObject
{
    /// <summary>Creates a generator over a frame whose arguments are bound (the caller adopts it).</summary>
    public PyGenerator(PyType type, Frame frame, PyObject owner, string name, string qualName)
        : base(type)
    {
        Frame = frame;
        _locals = frame.Locals;
        _cells = frame.Cells;
        _owner = owner;
        owner.AddRef();
        Name = name;
        QualName = qualName;
        ResumePoints = frame.Code.ResumeSlotCount == 0 ? [] : new int[frame.Code.ResumeSlotCount];
        frame.Generator = this;
    }

    /// <summary>The generator's frame (its locals live as long as it runs or is suspended).</summary>
    public Frame Frame { get; }

    // The frame's arrays, held here so the collector's traversal reads fields only.
    private readonly Value[] _locals;
    private readonly PyCell[] _cells;

    // The function (or, for a generator expression, the globals) the frame runs with (owned), as 3.11's frames hold
    // their function.
    private PyObject? _owner;

    /// <summary><c>__name__</c>.</summary>
    public string Name { get; set; }

    /// <summary><c>__qualname__</c>.</summary>
    public string QualName { get; set; }

    /// <summary>Where it is in its life.</summary>
    public GeneratorState Progress { get; set; }

    /// <summary>Set while the body is being re-entered: each resumable node descends to its saved point instead of starting.</summary>
    public bool Resuming;

    /// <summary>One resume point per resumable node of the body (a statement index, a phase).</summary>
    public readonly int[] ResumePoints;

    /// <summary>The value sent in by the current resumption (borrowed from the caller for the resumption).</summary>
    public Value Sent;

    /// <summary>The exception <c>throw()</c>/<c>close()</c> raises at the yield point, until the yield takes it.</summary>
    public PyException? Throwing;

    /// <summary>The value the body just yielded (owned until the caller takes it).</summary>
    public Value Yielded;

    /// <summary>The hidden local holding the <c>yield from</c> delegate the generator is suspended in, or -1.</summary>
    public int YieldFromSlot = -1;

    /// <summary>The <c>yield from</c> delegate while suspended in one (<c>gi_yieldfrom</c>; borrowed), or null.</summary>
    public Value Delegate => Progress == GeneratorState.Suspended && YieldFromSlot >= 0 ? Frame.Locals[YieldFromSlot] : default;

    /// <summary>Releases the frame's locals and owner: the generator finished (or is garbage).</summary>
    public void ReleaseFrame()
    {
        Progress = GeneratorState.Finished;
        YieldFromSlot = -1;
        Value ret = Frame.ReturnValue;
        Frame.ReturnValue = default;
        ret.Drop();
        Frame.Clear();
        PyObject? owner = _owner;
        _owner = null;
        owner?.Release();
    }

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        visitor.Visit(_owner);
        foreach (Value v in _locals)
        {
            if (v.Obj is PyObject o)
            {
                visitor.Visit(o);
            }
        }

        foreach (PyCell? c in _cells)
        {
            visitor.Visit(c);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        ReleaseFrame();
        base.ClearReferences();
    }

    /// <inheritdoc/>
    protected override void OnFinalize() => GeneratorOps.Finalize(this);
}
