using System.Diagnostics.Tracing;

namespace Reclaim;

/// <summary>
/// The "Reclaim-Runtime" event source: an event at the start and at the end of every collection, and event
/// counters (collections, collected, uncollectable, pause, tracked objects) for <c>dotnet-counters</c>.
/// </summary>
[EventSource(Name = ReclaimTelemetry.EventSourceName)]
internal sealed class ReclaimEventSource : EventSource
{
    public const int CollectionStartId = 1;
    public const int CollectionStopId = 2;

    public static readonly ReclaimEventSource Log = new();

    private long _collections;
    private long _collected;
    private long _uncollectable;

    private PollingCounter? _trackedCounter;
    private PollingCounter? _pendingReleasesCounter;
    private IncrementingPollingCounter? _collectionsCounter;
    private IncrementingPollingCounter? _collectedCounter;
    private IncrementingPollingCounter? _uncollectableCounter;
    private EventCounter? _pauseCounter;

    private ReclaimEventSource()
    {
    }

    /// <summary>A collection of <paramref name="generation"/> begins.</summary>
    [Event(CollectionStartId, Level = EventLevel.Informational, Opcode = EventOpcode.Start, Task = Tasks.Collection)]
    public void CollectionStart(int generation, string reason) => WriteEvent(CollectionStartId, generation, reason);

    /// <summary>A collection ended: what it found and how long it paused the runtime; <paramref name="refused"/> when a broken traversal stopped it.</summary>
    [Event(CollectionStopId, Level = EventLevel.Informational, Opcode = EventOpcode.Stop, Task = Tasks.Collection)]
    public void CollectionStop(int generation, int collected, int uncollectable, double pauseMilliseconds, bool refused) =>
        WriteEvent(CollectionStopId, generation, collected, uncollectable, pauseMilliseconds, refused);

    /// <summary>Adds a finished collection to the totals the counters report.</summary>
    [NonEvent]
    public void Count(int collected, int uncollectable, double pauseMilliseconds)
    {
        Interlocked.Increment(ref _collections);
        Interlocked.Add(ref _collected, collected);
        Interlocked.Add(ref _uncollectable, uncollectable);
        _pauseCounter?.WriteMetric(pauseMilliseconds);
    }

    /// <inheritdoc/>
    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        if (command.Command != EventCommand.Enable || _trackedCounter is not null)
        {
            return;
        }

        // Created on first enable only: counters cost a timer each, which nobody should pay for unless listening.
        _trackedCounter = new PollingCounter("tracked-objects", this, () => RuntimeRegistry.TrackedObjects())
        {
            DisplayName = "Tracked objects",
        };
        _pendingReleasesCounter = new PollingCounter("pending-releases", this, () => RuntimeRegistry.PendingReleases())
        {
            DisplayName = "Pending releases from other threads",
        };
        _collectionsCounter = new IncrementingPollingCounter("collections", this, () => Interlocked.Read(ref _collections))
        {
            DisplayName = "Collections",
        };
        _collectedCounter = new IncrementingPollingCounter("objects-collected", this, () => Interlocked.Read(ref _collected))
        {
            DisplayName = "Objects collected",
        };
        _uncollectableCounter = new IncrementingPollingCounter("uncollectable", this, () => Interlocked.Read(ref _uncollectable))
        {
            DisplayName = "Uncollectable objects",
        };
        _pauseCounter = new EventCounter("pause-ms", this)
        {
            DisplayName = "Collection pause",
            DisplayUnits = "ms",
        };
    }

    /// <summary>The task the start and stop events share, so tools pair them into one activity.</summary>
    public static class Tasks
    {
        public const EventTask Collection = (EventTask)1;
    }
}
