using System.Diagnostics.CodeAnalysis;

namespace Reclaim;

/// <summary>
/// The cached value of one global name for one (globals, builtins) pair, as JIT-compiled code would hold it: reading
/// <see cref="Value"/> gives exactly what a direct look-up (globals, then builtins) gives, or throws if that look-up is no
/// longer possible. Obtain one from <see cref="GlobalCache.GetCell"/>.
/// </summary>
/// <remarks>
/// The cell reaches its dictionaries only through weak handles, checked on every read. Weak references to a dictionary
/// are cleared before it drops anything it holds — when it dies and when the collector finds it to be garbage — so the
/// cached value, which its dictionary owns, is never read after it could have been released.
/// </remarks>
public sealed class GlobalCacheCell
{
    private readonly GlobalCache _cache;
    private readonly Runtime _runtime;
    private readonly WeakRef _globalsHandle;
    private readonly WeakRef _builtinsHandle;
    private RcObject? _value;
    private string? _invalidReason;

    internal GlobalCacheCell(GlobalCache cache, CachedDictionary globals, CachedDictionary builtins, string name)
    {
        _cache = cache;
        _runtime = cache.Runtime;
        Globals = globals;
        Builtins = builtins;
        _globalsHandle = globals.Handle;
        _builtinsHandle = builtins.Handle;
        Name = name;
    }

    /// <summary>The global name.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether the cell can still be read: its cache is not disposed, and neither of its dictionaries went away. Once
    /// false, it stays false; ask the cache for a new cell.
    /// </summary>
    public bool IsValid => _invalidReason is null && _globalsHandle._referent is not null && _builtinsHandle._referent is not null;

    /// <summary>
    /// The value of <see cref="Name"/> in globals, else in builtins, else <see langword="null"/> (unbound: Python's
    /// <c>NameError</c>). Borrowed: valid until the dictionary that holds it changes. While the runtime shuts down,
    /// watchers are suppressed, so the cell reads through to the dictionaries instead of trusting its cached value.
    /// </summary>
    /// <exception cref="GlobalCacheCellInvalidatedException">
    /// The globals or builtins dictionary went away (died, or was found to be cyclic garbage), or the cache was disposed.
    /// </exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public RcObject? Value
    {
        get
        {
            if (_invalidReason is null
                && _globalsHandle._referent is not null
                && _builtinsHandle._referent is not null
                && _runtime.State == RuntimeState.Running)
            {
                _cache.CountHit();
                return _value;
            }

            return ReadSlow();
        }
    }

    internal CachedDictionary Globals { get; }

    internal CachedDictionary Builtins { get; }

    /// <summary>Whether the cache still keeps this cell up to date.</summary>
    internal bool IsInvalidated => _invalidReason is not null;

    /// <summary>Reads <see cref="Value"/> and says whether the name is bound.</summary>
    /// <param name="value">The value, borrowed, when bound.</param>
    /// <returns>Whether globals or builtins binds the name.</returns>
    /// <exception cref="GlobalCacheCellInvalidatedException">See <see cref="Value"/>.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool TryGetValue([NotNullWhen(true)] out RcObject? value)
    {
        value = Value;
        return value is not null;
    }

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The name and whether the cell is valid.</returns>
    public override string ToString() => $"<GlobalCacheCell '{Name}' {(IsValid ? "valid" : "invalid")}>";

    // The chains a cell belongs to, one per role, as plain fields: invalidation walks and unlinks many cells, and
    // separate link objects would cost a cache miss each.
    private GlobalCacheCell? _nextAsGlobals;
    private GlobalCacheCell? _previousAsGlobals;
    private GlobalCacheCell? _nextAsBuiltins;
    private GlobalCacheCell? _previousAsBuiltins;

    /// <summary>The next cell with the same name in the chain of the dictionary that plays <paramref name="role"/> for it.</summary>
    internal ref GlobalCacheCell? Next(CellRole role) => ref role == CellRole.Globals ? ref _nextAsGlobals : ref _nextAsBuiltins;

    /// <summary>The previous cell with the same name in the chain of the dictionary that plays <paramref name="role"/> for it.</summary>
    internal ref GlobalCacheCell? Previous(CellRole role) => ref role == CellRole.Globals ? ref _previousAsGlobals : ref _previousAsBuiltins;

    internal void SetValue(RcObject? value) => _value = value;

    internal void Invalidate(string reason)
    {
        _invalidReason ??= reason;
        _value = null;
    }

    private RcObject? ReadSlow()
    {
        if (_invalidReason is not null)
        {
            throw new GlobalCacheCellInvalidatedException(Name, _invalidReason);
        }

        _runtime.ThrowIfShutDown("GlobalCacheCell.Value");
        if (_globalsHandle._referent is not RcDict globals)
        {
            throw new GlobalCacheCellInvalidatedException(Name, "its globals dictionary went away");
        }

        if (_builtinsHandle._referent is not RcDict builtins)
        {
            throw new GlobalCacheCellInvalidatedException(Name, "its builtins dictionary went away");
        }

        return GlobalCache.LookUp(globals, builtins, Name);
    }
}
