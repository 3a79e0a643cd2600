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
    public PyDict Globals { get; }

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
