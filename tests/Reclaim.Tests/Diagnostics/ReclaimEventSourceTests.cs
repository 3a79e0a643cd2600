using System.Diagnostics.Tracing;
using Reclaim.Tests.Support;

namespace Reclaim.Tests.Diagnostics;

/// <summary>The "Reclaim-Runtime" event source, seen through an <see cref="EventListener"/> as dotnet-trace would.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ReclaimEventSourceTests
{
    [Fact]
    public void Collect_WritesStartAndStopWithWhatTheCollectionFound()
    {
        using Listener listener = new();
        using TestRuntime t = new();
        using (Owned<Node> ring = t.Ring(23))
        {
        }

        CollectionResult result = t.Gc.Collect(2);

        EventWrittenEventArgs start = Assert.Single(listener.Events, e => e.EventName == "CollectionStart");
        Assert.Equal(2, (int)start.Payload![0]!);
        Assert.Equal("Explicit", (string)start.Payload[1]!);
        EventWrittenEventArgs stop = Assert.Single(listener.Events, e => e.EventName == "CollectionStop");
        Assert.Equal(["generation", "collected", "uncollectable", "pauseMilliseconds", "refused"], stop.PayloadNames);
        Assert.Equal(2, (int)stop.Payload![0]!);
        Assert.Equal(23, (int)stop.Payload[1]!);
        Assert.Equal(0, (int)stop.Payload[2]!);
        Assert.Equal(result.Elapsed.TotalMilliseconds, (double)stop.Payload[3]!);
        Assert.False((bool)stop.Payload[4]!);
        Assert.Equal(EventOpcode.Start, start.Opcode);
        Assert.Equal(EventOpcode.Stop, stop.Opcode);
    }

    [Fact]
    public void RefusedCollection_WritesAStopMarkedRefused()
    {
        using Listener listener = new();
        using TestRuntime t = new();
        using Owned<ImpureTraverseNode> node = t.Runtime.New<ImpureTraverseNode>().ToOwned();
        node.Value.DuringTraverse = () => node.Value.AddRef();

        Assert.Throws<TraversalViolationException>(() => t.Gc.Collect(0));

        Assert.Single(listener.Events, e => e.EventName == "CollectionStart");
        EventWrittenEventArgs stop = Assert.Single(listener.Events, e => e.EventName == "CollectionStop");
        Assert.True((bool)stop.Payload![4]!);
        node.Value.DuringTraverse = null;
    }

    [Fact]
    public void EventSource_IsPublishedUnderItsDocumentedName()
    {
        using (TestRuntime t = new())
        {
            t.Gc.Collect();
        }

        Assert.Equal(ReclaimTelemetry.EventSourceName, EventSource.GetName(typeof(ReclaimEventSource)));
        Assert.Contains(EventSource.GetSources(), s => s.Name == "Reclaim-Runtime");
    }

    private sealed class Listener : EventListener
    {
        public List<EventWrittenEventArgs> Events { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == ReclaimTelemetry.EventSourceName)
            {
                EnableEvents(eventSource, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is "CollectionStart" or "CollectionStop")
            {
                lock (Events)
                {
                    Events.Add(eventData);
                }
            }
        }
    }
}
