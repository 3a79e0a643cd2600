namespace Reclaim;

/// <summary>
/// The names under which Reclaim publishes live counters, for hosts and tools to subscribe to:
/// <c>dotnet-counters monitor --counters Reclaim.Runtime,Reclaim-Runtime</c>, or OpenTelemetry's
/// <c>AddMeter(ReclaimTelemetry.MeterName)</c>. Every runtime in the process reports into the same meter and event source.
/// </summary>
public static class ReclaimTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/>'s name.</summary>
    public const string MeterName = "Reclaim.Runtime";

    /// <summary>The <see cref="System.Diagnostics.Tracing.EventSource"/>'s name (collection start/stop events and event counters).</summary>
    public const string EventSourceName = "Reclaim-Runtime";

    /// <summary>Counter: collections completed, tagged with <see cref="GenerationTag"/>.</summary>
    public const string CollectionsInstrument = "reclaim.gc.collections";

    /// <summary>Counter: objects freed as cyclic garbage, tagged with <see cref="GenerationTag"/>.</summary>
    public const string CollectedInstrument = "reclaim.gc.collected";

    /// <summary>Counter: garbage found uncollectable, tagged with <see cref="GenerationTag"/>.</summary>
    public const string UncollectableInstrument = "reclaim.gc.uncollectable";

    /// <summary>Histogram: the pause of each collection in milliseconds, tagged with <see cref="GenerationTag"/>.</summary>
    public const string PauseInstrument = "reclaim.gc.pause";

    /// <summary>Observable up-down counter: objects tracked by the collector in every live runtime of the process.</summary>
    public const string TrackedObjectsInstrument = "reclaim.heap.tracked";

    /// <summary>Observable up-down counter: releases queued by threads without the runtime lock, not applied yet, in every live runtime.</summary>
    public const string PendingReleasesInstrument = "reclaim.threads.pending_releases";

    /// <summary>The tag carrying the generation collected (0, 1 or 2).</summary>
    public const string GenerationTag = "reclaim.gc.generation";
}
