namespace Reclaim.Python.Compiler;

/// <summary>What kind of block a scope is (CPython's symtable block types).</summary>
internal enum ScopeKind
{
    Module, Class, Function,
}

/// <summary>
/// One block's names, as CPython's symtable records them: which are bound here, declared global or nonlocal,
/// captured by inner functions (cells) or taken from an enclosing function (free).
/// </summary>
internal sealed class Scope(ScopeKind kind, string name, Scope? parent)
{
    /// <summary>The block type.</summary>
    public ScopeKind Kind { get; } = kind;

    /// <summary>The function or class name (for qualnames).</summary>
    public string Name { get; } = name;

    /// <summary>The enclosing scope.</summary>
    public Scope? Parent { get; } = parent;

    /// <summary>Nested scopes by the node that opens them.</summary>
    public Dictionary<object, Scope> Children { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parameters in order.</summary>
    public List<string> Parameters { get; } = new();

    /// <summary>Names bound in this block, in order of first binding.</summary>
    public List<string> Bound { get; } = new();

    /// <summary>Names read in this block.</summary>
    public HashSet<string> Used { get; } = new();

    /// <summary><c>global</c> declarations.</summary>
    public HashSet<string> Globals { get; } = new();

    /// <summary><c>nonlocal</c> declarations.</summary>
    public HashSet<string> Nonlocals { get; } = new();

    /// <summary>Where each <c>nonlocal</c> name was declared (line, column from 1), for the "no binding" error.</summary>
    public Dictionary<string, (int Line, int Column)> NonlocalSites { get; } = new();

    /// <summary>Locals captured by inner functions, in order.</summary>
    public List<string> Cells { get; } = new();

    /// <summary>Variables of enclosing functions used here or by inner functions, in order.</summary>
    public List<string> Free { get; } = new();

    /// <summary>Whether the body yields.</summary>
    public bool IsGenerator { get; set; }

    /// <summary>Whether this is a comprehension's implicit function.</summary>
    public bool IsComprehension { get; set; }

    /// <summary>The qualified name prefix for nested definitions.</summary>
    public string QualName { get; set; } = name;

    private readonly HashSet<string> _bound = new();

    /// <summary>Records a binding.</summary>
    public void Bind(string n)
    {
        if (_bound.Add(n))
        {
            Bound.Add(n);
        }
    }

    /// <summary>Whether <paramref name="n"/> is bound here.</summary>
    public bool IsBound(string n) => _bound.Contains(n);

    /// <summary>Whether <paramref name="n"/> is a local variable of this function (bound, not declared away).</summary>
    public bool IsLocal(string n) => Kind == ScopeKind.Function && _bound.Contains(n) && !Globals.Contains(n) && !Nonlocals.Contains(n);

    /// <summary>Adds a cell once.</summary>
    public void AddCell(string n)
    {
        if (!Cells.Contains(n))
        {
            Cells.Add(n);
        }
    }

    /// <summary>Adds a free variable once.</summary>
    public void AddFree(string n)
    {
        if (!Free.Contains(n))
        {
            Free.Add(n);
        }
    }

    /// <summary>Every slot name for a function: parameters first, then other locals that are not cells.</summary>
    public List<string> LocalSlots()
    {
        var slots = new List<string>(Parameters);
        foreach (string n in Bound)
        {
            if (IsLocal(n) && !slots.Contains(n) && !Cells.Contains(n))
            {
                slots.Add(n);
            }
        }

        return slots;
    }
}
