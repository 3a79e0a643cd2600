using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;

namespace Reclaim.Python.Objects;

/// <summary>A built-in function or method: receives borrowed arguments, returns a new reference.</summary>
internal delegate Value NativeFunction(ReadOnlySpan<Value> args, PyDict? kwargs);

/// <summary>A Python function: code, globals, defaults and closure, each a counted reference.</summary>
internal sealed class PyFunction(PyType type, Code code, PyDict globals) : PyObject(type)
{
    /// <summary>The compiled body.</summary>
    public Code Code { get; } = code;

    /// <summary><c>__globals__</c> (owned).</summary>
    public PyDict? Globals = globals;

    /// <summary><c>__defaults__</c> values (owned).</summary>
    public Value[] Defaults = [];

    /// <summary><c>__kwdefaults__</c> (owned).</summary>
    public PyDict? KwDefaults;

    /// <summary>The <c>__closure__</c> cells, borrowed from <see cref="ClosureTuple"/> for the evaluator's fast path.</summary>
    public PyCell[] Closure { get; private set; } = [];

    /// <summary><c>__closure__</c> (owned), or null: a tuple object of its own, as in CPython, so that a cycle through a
    /// closure frees (and <c>gc.collect()</c> counts) the function, the tuple and the cell.</summary>
    public PyTuple? ClosureTuple => _closureTuple;

    private PyTuple? _closureTuple;

    /// <summary>Sets the closure, taking over one reference to each cell.</summary>
    public void SetClosure(PyCell[] ownedCells)
    {
        var items = new Value[ownedCells.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = Value.Steal(ownedCells[i]);
        }

        _closureTuple = (PyTuple)Interpreter.PyContext.Current.NewTuple(items).Obj!;
        Closure = ownedCells;
    }

    /// <summary><c>__name__</c>.</summary>
    public string Name = code.Name;

    /// <summary><c>__qualname__</c>.</summary>
    public string QualName = code.QualName;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        visitor.Visit(Globals);
        foreach (Value v in Defaults)
        {
            if (v.Obj is PyObject o)
            {
                visitor.Visit(o);
            }
        }

        visitor.Visit(KwDefaults);
        visitor.Visit(_closureTuple);
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        PyDict? globals = Globals;
        PyDict? kw = KwDefaults;
        Value[] defaults = Defaults;
        PyTuple? closure = _closureTuple;
        Globals = null;
        KwDefaults = null;
        Defaults = [];
        Closure = [];
        _closureTuple = null;
        globals?.Release();
        kw?.Release();
        foreach (Value v in defaults)
        {
            v.Drop();
        }

        closure?.Release();

        base.ClearReferences();
    }
}

/// <summary>A built-in function, optionally bound to <c>self</c> (owned).</summary>
internal sealed class PyBuiltin(PyType type, string name, NativeFunction function) : PyObject(type)
{
    /// <summary>The name shown in reprs and messages.</summary>
    public string Name { get; } = name;

    /// <summary>The implementation.</summary>
    public NativeFunction Function { get; } = function;

    /// <summary>Whether looking this up on an instance binds it (a method descriptor).</summary>
    public bool IsMethod { get; init; }

    /// <summary>The type whose method this is (for reprs, and the receiver check of an unbound call).</summary>
    public PyType? Owner { get; init; }

    /// <summary>A classmethod's function: its first argument is a class, not an instance of <see cref="Owner"/>.</summary>
    public bool TakesClass { get; init; }

    private int _fixedArity = UnknownArity;

    private const int UnknownArity = -2;

    /// <summary>
    /// How many arguments besides the receiver this method takes when it stands for one of CPython's slot wrappers of
    /// fixed arity (<c>__len__</c> 0, <c>__add__</c> 1, <c>__setitem__</c> 2...), else -1. Worked out on first use.
    /// </summary>
    public int FixedArity => _fixedArity != UnknownArity
        ? _fixedArity
        : _fixedArity = IsMethod && !TakesClass && Owner is not null ? Execution.NativeCalls.SlotArity(Name) ?? -1 : -1;

    /// <summary>The bound receiver (null for unbound).</summary>
    public Value Self;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        if (Self.Obj is PyObject o)
        {
            visitor.Visit(o);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Value v = Self;
        Self = default;
        v.Drop();
        base.ClearReferences();
    }
}

/// <summary>A module: a name and a namespace dict (owned).</summary>
internal sealed class PyModule(PyType type, string name) : PyObject(type)
{
    /// <summary><c>__name__</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// An exception instance: <c>args</c>, <c>__traceback__</c>, <c>__context__</c>, <c>__cause__</c>, all owned.
/// </summary>
internal sealed class PyBaseException(PyType type) : PyObject(type)
{
    /// <summary><c>args</c> (a tuple).</summary>
    public Value Args;

    /// <summary><c>__traceback__</c> as far as it has been made into objects (see <see cref="TracebackObjects"/>).</summary>
    public Value Traceback;

    /// <summary>How many of <see cref="Entries"/> the objects in <see cref="Traceback"/> stand for.</summary>
    public int TracebackEntryCount;

    /// <summary><c>__context__</c>.</summary>
    public Value Context;

    /// <summary><c>__cause__</c>.</summary>
    public Value Cause;

    /// <summary><c>__suppress_context__</c>.</summary>
    public bool SuppressContext;

    /// <summary>
    /// The traceback: one entry per frame the exception arose in, in the order they were added (the innermost frame
    /// first; a later <c>raise</c> of the same object adds after them, as CPython's traceback chain grows at its head).
    /// </summary>
    public List<TracebackEntry> Entries { get; } = new();

    /// <summary>Extra state: StopIteration's value, SystemExit's code, OSError's errno...</summary>
    public Value Extra;

    /// <summary>
    /// The frames this exception left, kept with their locals as CPython's traceback keeps its frames: the newest
    /// <see cref="Execution.Traceback.PyKeptFrame"/>, which owns the older ones (owned; null until a frame with
    /// something to keep is left).
    /// </summary>
    public Value KeptFrames;

    /// <inheritdoc/>
    protected override void TraverseReferences(ref Visitor visitor)
    {
        base.TraverseReferences(ref visitor);
        if (Args.Obj is PyObject a)
        {
            visitor.Visit(a);
        }

        if (Traceback.Obj is PyObject t)
        {
            visitor.Visit(t);
        }

        if (Context.Obj is PyObject c)
        {
            visitor.Visit(c);
        }

        if (Cause.Obj is PyObject k)
        {
            visitor.Visit(k);
        }

        if (Extra.Obj is PyObject e)
        {
            visitor.Visit(e);
        }

        if (KeptFrames.Obj is PyObject f)
        {
            visitor.Visit(f);
        }
    }

    /// <inheritdoc/>
    protected override void ClearReferences()
    {
        Value a = Args, t = Traceback, f = KeptFrames, c = Context, k = Cause, e = Extra;
        Args = Traceback = KeptFrames = Context = Cause = Extra = default;
        a.Drop();
        t.Drop();
        f.Drop();
        c.Drop();
        k.Drop();
        e.Drop();
        base.ClearReferences();
    }

    /// <summary>Replaces one of the owned fields, taking over <paramref name="owned"/>.</summary>
    public static void Replace(ref Value field, Value owned)
    {
        Value old = field;
        field = owned;
        old.Drop();
    }
}
