namespace Reclaim;

/// <summary>Which of a <see cref="GlobalCacheCell"/>'s two dictionaries a <see cref="CachedDictionary"/> is for it.</summary>
internal enum CellRole
{
    /// <summary>The module's globals: looked up first.</summary>
    Globals = 0,

    /// <summary>The builtins: looked up when globals lacks the name.</summary>
    Builtins = 1,
}
