using Reclaim.Python.Compiler;

namespace Reclaim.Python.Execution;

/// <summary>A compiled function body (Python's code object, without the bytecode): its slots and its node tree.</summary>
internal sealed class Code
{
    /// <summary><c>co_name</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>co_qualname</c>.</summary>
    public required string QualName { get; init; }

    /// <summary>The docstring (a function's or class's <c>__doc__</c>): the body's leading string literal, if any.</summary>
    public string? Doc { get; set; }

    /// <summary>The file tracebacks show.</summary>
    public required string FileName { get; init; }

    /// <summary>The line of the <c>def</c>.</summary>
    public int FirstLine { get; init; }

    /// <summary>Positional parameters (positional-only first), in slot order from 0.</summary>
    public string[] PositionalNames { get; set; } = [];

    /// <summary>How many of the positional parameters are positional-only.</summary>
    public int PositionalOnlyCount { get; set; }

    /// <summary>Keyword-only parameters, in slots after the positional ones.</summary>
    public string[] KeywordOnlyNames { get; set; } = [];

    /// <summary>Slot of <c>*args</c>, or -1.</summary>
    public int VarArgsSlot { get; set; } = -1;

    /// <summary>Slot of <c>**kwargs</c>, or -1.</summary>
    public int VarKeywordsSlot { get; set; } = -1;

    /// <summary>All local names by slot.</summary>
    public string[] LocalNames { get; set; } = [];

    /// <summary>Names of cells this code owns (its variables captured by inner functions).</summary>
    public string[] CellNames { get; set; } = [];

    /// <summary>For each cell, the parameter slot that initialises it, or -1.</summary>
    public int[] CellParameterSlots { get; set; } = [];

    /// <summary>Names of free variables (cells from enclosing scopes), after <see cref="CellNames"/> in the frame.</summary>
    public string[] FreeNames { get; set; } = [];

    /// <summary>The body.</summary>
    public StmtNode[] Body { get; set; } = [];

    /// <summary>Whether the body contains <c>yield</c>.</summary>
    public bool IsGenerator { get; set; }

    /// <summary>How many resume points a generator's resumable nodes keep (see <see cref="Objects.PyGenerator.ResumePoints"/>).</summary>
    public int ResumeSlotCount { get; set; }

    /// <summary>
    /// Whether a call with <paramref name="count"/> positional arguments and no keywords binds them straight to the
    /// first slots (the rest from the defaults): no <c>*args</c>, <c>**kwargs</c> or keyword-only parameters, not a
    /// generator. Such calls skip <see cref="ArgumentBinder"/> and move their arguments into the frame.
    /// </summary>
    public bool BindsDirectly(int count, int defaults) =>
        count <= PositionalNames.Length && count >= PositionalNames.Length - defaults && VarArgsSlot < 0
        && VarKeywordsSlot < 0 && KeywordOnlyNames.Length == 0 && !IsGenerator;

    /// <summary>Cleared frames of finished calls, ready for the next call (see <see cref="Frame.Rent"/>).</summary>
    internal Frame? FreeFrames { get; set; }

    /// <summary>Whether names live in a dictionary (module and class bodies) rather than slots.</summary>
    public bool UsesNamespace { get; set; }
}
