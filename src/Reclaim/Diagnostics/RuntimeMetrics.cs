using System.Diagnostics.Metrics;

namespace Reclaim;

/// <summary>
/// The "Reclaim.Runtime" meter and what the collector reports into it (and into <see cref="ReclaimEventSource"/>).
/// Every hook returns after a few field reads when nobody listens.
/// </summary>
internal static class RuntimeMetrics
{
    private static readonly Meter s_meter = new(ReclaimTelemetry.MeterName, typeof(Runtime).Assembly.GetName().Version?.ToString(3));

    private static readonly Counter<long> s_collections = s_meter.CreateCounter<long>(
        ReclaimTelemetry.CollectionsInstrument, "{collection}", "Collections completed, by generation.");

    private static readonly Counter<long> s_collected = s_meter.CreateCounter<long>(
        ReclaimTelemetry.CollectedInstrument, "{object}", "Objects freed as cyclic garbage, by generation collected.");

    private static readonly Counter<long> s_uncollectable = s_meter.CreateCounter<long>(
        ReclaimTelemetry.UncollectableInstrument, "{object}", "Garbage still alive after clearing (kept in Gc.Garbage), by generation collected.");

    private static readonly Histogram<double> s_pause = s_meter.CreateHistogram<double>(
        ReclaimTelemetry.PauseInstrument, "ms", "How long each collection paused its runtime, by generation.");

    private static readonly ObservableUpDownCounter<long> s_tracked = s_meter.CreateObservableUpDownCounter(
        ReclaimTelemetry.TrackedObjectsInstrument, RuntimeRegistry.TrackedObjects, "{object}", "Objects tracked by the collector in every live runtime.");

    private static readonly ObservableUpDownCounter<long> s_pendingReleases = s_meter.CreateObservableUpDownCounter(
        ReclaimTelemetry.PendingReleasesInstrument, RuntimeRegistry.PendingReleases, "{release}", "Releases queued by threads without the runtime lock, waiting for a safe point.");

    // Boxed once: a tag's value is an object, and a collection should not allocate to report itself.
    private static readonly object[] s_generations = [0, 1, 2];

    public static void CollectionStarted(int generation, CollectionReason reason)
    {
        ReclaimEventSource log = ReclaimEventSource.Log;
        if (log.IsEnabled())
        {
            log.CollectionStart(generation, reason.ToString());
        }
    }

    /// <summary>A collection completed: counts, collected, uncollectable and its pause go to every listener.</summary>
    public static void CollectionFinished(in CollectionResult result)
    {
        double milliseconds = result.Elapsed.TotalMilliseconds;
        KeyValuePair<string, object?> tag = new(ReclaimTelemetry.GenerationTag, s_generations[result.Generation]);
        if (s_collections.Enabled)
        {
            s_collections.Add(1, tag);
        }

        if (s_collected.Enabled && result.Collected != 0)
        {
            s_collected.Add(result.Collected, tag);
        }

        if (s_uncollectable.Enabled && result.Uncollectable != 0)
        {
            s_uncollectable.Add(result.Uncollectable, tag);
        }

        if (s_pause.Enabled)
        {
            s_pause.Record(milliseconds, tag);
        }

        ReclaimEventSource log = ReclaimEventSource.Log;
        if (log.IsEnabled())
        {
            log.Count(result.Collected, result.Uncollectable, milliseconds);
            log.CollectionStop(result.Generation, result.Collected, result.Uncollectable, milliseconds, refused: false);
        }
    }

    /// <summary>A broken traversal stopped a collection before it freed anything: only the stop event, to pair its start.</summary>
    public static void CollectionRefused(int generation)
    {
        ReclaimEventSource log = ReclaimEventSource.Log;
        if (log.IsEnabled())
        {
            log.CollectionStop(generation, 0, 0, 0, refused: true);
        }
    }
}
