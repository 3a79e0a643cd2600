using System.Diagnostics.Metrics;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Diagnostics;

/// <summary>The "Reclaim.Runtime" meter, seen through a <see cref="MeterListener"/> as a host's exporter would.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class RuntimeMetricsTests
{
    [Fact]
    public void Collect_ReportsCollectionsCollectedUncollectableAndPause_TaggedWithGeneration()
    {
        using Recorder recorder = new();
        using TestRuntime t = new();
        using (Owned<Node> ring = t.Ring(37))
        {
        }

        UncollectableCycle uncollectable = new(t);

        CollectionResult result = t.Gc.Collect(1);
        t.Gc.Collect(0);

        Assert.Equal(37, result.Collected);
        Assert.Equal(2, result.Uncollectable);
        Assert.Equal([(1L, 1), (1L, 0)], recorder.Longs(ReclaimTelemetry.CollectionsInstrument));
        Assert.Equal([(37L, 1)], recorder.Longs(ReclaimTelemetry.CollectedInstrument));
        Assert.Equal([(2L, 1)], recorder.Longs(ReclaimTelemetry.UncollectableInstrument));
        (double pause, int generation) = recorder.Doubles(ReclaimTelemetry.PauseInstrument)[0];
        Assert.Equal(1, generation);
        Assert.Equal(result.Elapsed.TotalMilliseconds, pause);
        Assert.Equal(2, recorder.Doubles(ReclaimTelemetry.PauseInstrument).Count);

        uncollectable.Break(t.Gc);
    }

    [Fact]
    public void TrackedObjects_FollowsTheHeapsOfLiveRuntimes()
    {
        // Runtimes other tests dropped without disposing leave the count when .NET collects them: let that happen
        // now rather than between two observations.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using Recorder recorder = new();
        long before = recorder.ObserveTracked();
        TestRuntime t = new();
        List<Owned<Node>> nodes = [.. Enumerable.Range(0, 500).Select(i => t.Node())];

        long during = recorder.ObserveTracked();
        nodes.ForEach(n => n.Dispose());
        long afterRelease = recorder.ObserveTracked();

        // An object still alive at shutdown no longer counts: a finalized runtime is left out.
        t.Runtime.Allocate<Node>();
        long withSurvivor = recorder.ObserveTracked();
        t.Dispose();
        long afterShutdown = recorder.ObserveTracked();

        Assert.Equal(500, during - before);
        Assert.Equal(before, afterRelease);
        Assert.Equal(before + 1, withSurvivor);
        Assert.Equal(before, afterShutdown);
    }

    [Fact]
    public void PendingReleases_CountsReleasesQueuedByOtherThreadsUntilTheyAreApplied()
    {
        using Recorder recorder = new();
        using TestRuntime t = new();
        long before = recorder.ObservePendingReleases();
        Node[] nodes = [.. Enumerable.Range(0, 3).Select(_ => t.Runtime.Adopt(new Node()).Take())];

        Assert.Null(OtherThread.Run(() => Array.ForEach(nodes, n => n.Release())));
        long queued = recorder.ObservePendingReleases();
        t.Runtime.DrainPendingReleases();
        long applied = recorder.ObservePendingReleases();

        Assert.Equal(3, queued - before);
        Assert.Equal(before, applied);
    }

    [Fact]
    public void NobodyListening_CollectionsStillWork()
    {
        using TestRuntime t = new();
        using (Owned<Node> ring = t.Ring(3))
        {
        }

        Assert.Equal(3, t.Gc.Collect().Collected);
    }

    /// <summary>Listens to the Reclaim meter; keeps measurements made on the test's own thread only.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly int _thread = Environment.CurrentManagedThreadId;
        private readonly List<(string Instrument, long Value, int Generation)> _longs = [];
        private readonly List<(string Instrument, double Value, int Generation)> _doubles = [];
        private long _tracked;
        private long _pendingReleases;

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ReclaimTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (instrument.Name == ReclaimTelemetry.TrackedObjectsInstrument)
                {
                    _tracked = value;
                }
                else if (instrument.Name == ReclaimTelemetry.PendingReleasesInstrument)
                {
                    _pendingReleases = value;
                }
                else if (Environment.CurrentManagedThreadId == _thread)
                {
                    _longs.Add((instrument.Name, value, Generation(tags)));
                }
            });
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            {
                if (Environment.CurrentManagedThreadId == _thread)
                {
                    _doubles.Add((instrument.Name, value, Generation(tags)));
                }
            });
            _listener.Start();
        }

        public List<(long Value, int Generation)> Longs(string instrument) =>
            [.. _longs.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Generation))];

        public List<(double Value, int Generation)> Doubles(string instrument) =>
            [.. _doubles.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Generation))];

        public long ObserveTracked()
        {
            _tracked = -1;
            _listener.RecordObservableInstruments();
            Assert.NotEqual(-1, _tracked);
            return _tracked;
        }

        public long ObservePendingReleases()
        {
            _pendingReleases = -1;
            _listener.RecordObservableInstruments();
            Assert.NotEqual(-1, _pendingReleases);
            return _pendingReleases;
        }

        public void Dispose() => _listener.Dispose();

        private static int Generation(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == ReclaimTelemetry.GenerationTag)
                {
                    return (int)tag.Value!;
                }
            }

            return -1;
        }
    }
}
