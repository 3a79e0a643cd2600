namespace Reclaim;

/// <summary>
/// Checked mode: code run by a dictionary watcher callback tried to change a watched dictionary. Watchers run before a
/// change takes effect, so a change made from inside one would interleave with the change being announced; queue it
/// with <see cref="Runtime.Defer"/> instead, to run at the next safe point.
/// </summary>
public sealed class WatchedDictMutationException : ReclaimException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The mutation attempted, for example <c>RcDict.Set</c>.</param>
    public WatchedDictMutationException(string operation)
        : base($"{operation} on a watched RcDict from inside a dictionary watcher callback: watchers may not mutate watched dictionaries; queue the change with Runtime.Defer.")
    {
        Operation = operation;
    }

    /// <summary>The mutation attempted.</summary>
    public string Operation { get; }
}
