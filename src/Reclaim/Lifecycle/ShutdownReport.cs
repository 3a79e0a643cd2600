namespace Reclaim;

/// <summary>What <see cref="Runtime.Shutdown"/> did and what it left behind.</summary>
public sealed class ShutdownReport
{
    internal ShutdownReport()
    {
    }

    /// <summary>Non-daemon runtime threads shutdown waited for.</summary>
    public int ThreadsJoined { get; internal init; }

    /// <summary>At-exit callbacks that ran (including those that threw).</summary>
    public int AtExitCallbacksRun { get; internal init; }

    /// <summary>Queued releases from other threads applied during shutdown.</summary>
    public long PendingReleasesApplied { get; internal init; }

    /// <summary>Queued releases never applied because they arrived after the runtime ended.</summary>
    public long LateReleasesDiscarded { get; internal init; }

    /// <summary>Final full collections run (before and after the roots were released).</summary>
    public int CollectionsRun { get; internal init; }

    /// <summary>Objects those collections freed.</summary>
    public long ObjectsCollected { get; internal init; }

    /// <summary>Whether the bounded collections stopped at the limit while still freeing objects.</summary>
    public bool CollectionLimitReached { get; internal init; }

    /// <summary>Registered roots released, in order (names as registered).</summary>
    public IReadOnlyList<string> RootsReleased { get; internal init; } = [];

    /// <summary>Tracked objects still alive after the last collection, by type name (uncollectable or leaked references).</summary>
    public IReadOnlyDictionary<string, int> AliveByType { get; internal init; } = new Dictionary<string, int>();

    /// <summary>The number of tracked objects still alive at the end.</summary>
    public int AliveCount => AliveByType.Values.Sum();

    /// <summary>Daemon threads turned away so far: parked or given <see cref="RuntimeShutDownException"/>.</summary>
    public int DaemonThreadsRefused { get; internal init; }

    /// <summary>Daemon threads still attached but outside the runtime (detached); each meets the outcome when it comes back.</summary>
    public int DaemonThreadsOutstanding { get; internal init; }

    /// <summary>Whether <see cref="ShutdownOptions.FastExit"/> skipped the final collections and root release.</summary>
    public bool FastExit { get; internal init; }

    /// <summary>What fast exit skipped, for the record (empty otherwise).</summary>
    public IReadOnlyList<string> Skipped { get; internal init; } = [];

    /// <summary>Exceptions reported to the unraisable hook while shutting down.</summary>
    public long UnraisableDuringShutdown { get; internal init; }

    /// <summary>A multi-line summary.</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            $"threads joined: {ThreadsJoined}",
            $"at-exit callbacks run: {AtExitCallbacksRun}",
            $"pending releases applied: {PendingReleasesApplied}, late releases discarded: {LateReleasesDiscarded}",
            $"final collections: {CollectionsRun} (freed {ObjectsCollected}{(CollectionLimitReached ? ", limit reached" : string.Empty)})",
            $"roots released: {(RootsReleased.Count == 0 ? "none" : string.Join(", ", RootsReleased))}",
            $"still alive: {AliveCount}{(AliveCount == 0 ? string.Empty : " (" + string.Join(", ", AliveByType.Select(p => $"{p.Key}={p.Value}")) + ")")}",
            $"daemon threads refused: {DaemonThreadsRefused}, outstanding: {DaemonThreadsOutstanding}",
            $"unraisable during shutdown: {UnraisableDuringShutdown}",
        };
        if (FastExit)
        {
            lines.Add($"fast exit skipped: {string.Join("; ", Skipped)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
