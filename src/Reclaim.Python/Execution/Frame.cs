using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// A running function's state: its local slots and cells, globals, and the current line. Like CPython 3.11's
/// interpreter frames it is not a heap object until something (a traceback) asks for one.
/// </summary>
internal sealed class Frame
{
    /// <summary>Creates a frame for <paramref name="code"/>.</summary>
    public Frame(Code code, PyDict globals, PyDict? ns)
    {
        Code = code;
        Globals = globals;
        Namespace = ns;
        Locals = code.LocalNames.Length == 0 ? [] : new Value[code.LocalNames.Length];
        Cells = code.CellNames.Length + code.FreeNames.Length == 0 ? [] : new PyCell[code.CellNames.Length + code.FreeNames.Length];
    }

    /// <summary>The code running.</summary>
    public Code Code { get; }

    /// <summary>Local slots (owned).</summary>
    public Value[] Locals { get; }

    /// <summary>Own cells then free cells (owned).</summary>
    public PyCell[] Cells { get; }

    /// <summary>The module namespace (borrowed from the function).</summary>
    public PyDict Globals { get; private set; }

    /// <summary>The namespace of a module or class body.</summary>
    public PyDict? Namespace { get; }

    /// <summary>The line being executed.</summary>
    public int Line { get; set; }

    /// <summary>
    /// The target a <c>del</c> statement is deleting while it runs: an object that dies there and reports an unraisable
    /// error outside any frame of its own is shown at this span, as CPython shows the deleting instruction's position.
    /// </summary>
    public SourceSpan DeletingSpan { get; set; }

    /// <summary>The caller.</summary>
    public Frame? Back { get; set; }

    /// <summary>The value of a <c>return</c> on its way out (owned).</summary>
    public Value ReturnValue { get; set; }

    /// <summary>The exception an <c>except</c> clause is handling, for bare <c>raise</c>.</summary>
    public Value Handling { get; set; }

    /// <summary>The dict <c>locals()</c> returns in a function frame (owned), refreshed from the slots on each call.</summary>
    public PyDict? LocalsSnapshot { get; set; }

    /// <summary>The generator this frame runs for, if any.</summary>
    public PyGenerator? Generator { get; set; }

    /// <summary>
    /// Whether something outside the running call holds this frame: a traceback entry (and so a frame object), an
    /// exception that remembers where it was recorded. Such a frame is never reused.
    /// </summary>
    public bool Escaped { get; set; }

    // Set on frames that came from Rent: only those go back to their code's pool (module, class and exec frames
    // are made with the constructor and never reused).
    private bool _pooled;

    // The next free frame in the code's pool.
    private Frame? _nextFree;

    /// <summary>
    /// A cleared frame for a call of <paramref name="code"/>: one that a finished call of the same code gave back
    /// (<see cref="Recycle"/>), or a new one. A call costs no allocation and no zeroing of a fresh slot array then,
    /// which also spares the .NET collector the stack walks of deep recursions.
    /// </summary>
    public static Frame Rent(Code code, PyDict globals)
    {
        Frame? f = code.FreeFrames;
        if (f is null)
        {
            return new Frame(code, globals, null) { _pooled = true };
        }

        code.FreeFrames = f._nextFree;
        f._nextFree = null;
        f.Globals = globals;
        return f;
    }

    /// <summary>
    /// Gives a frame from <see cref="Rent"/> back to its code's pool once its call has finished and been cleared,
    /// unless it escaped (a traceback holds it) or belongs to a generator. The pool of a code holds at most as many
    /// frames as its calls ever had running at once.
    /// </summary>
    public void Recycle()
    {
        if (!_pooled || Escaped || Generator is not null)
        {
            return;
        }

        Line = 0;
        Back = null;
        Handling = default;
        ReturnValue = default;
        _nextFree = Code.FreeFrames;
        Code.FreeFrames = this;
    }

    /// <summary>Releases every local and cell in slot order, as CPython's frame clearing does.</summary>
    public void Clear()
    {
        for (int i = 0; i < Locals.Length; i++)
        {
            Value v = Locals[i];
            Locals[i] = default;
            v.Drop();
        }

        for (int i = 0; i < Cells.Length; i++)
        {
            PyCell? c = Cells[i];
            Cells[i] = null!;
            c?.Release();
        }

        PyDict? snapshot = LocalsSnapshot;
        LocalsSnapshot = null;
        snapshot?.Release();
    }
}
