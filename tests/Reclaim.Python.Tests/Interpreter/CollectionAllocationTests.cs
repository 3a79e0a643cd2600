using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Reclaim.Python.Tests.Interpreter;

/// <summary>
/// What <c>gc.collect()</c> allocates on the .NET heap while it frees Python instances. A collection that allocates per
/// object lets a .NET collection start inside it (the gc_collect benchmark's timed region went from 0.5 to 6 ms that
/// way); the bytes a thread allocates are exact, so this is a deterministic guard, not a timing.
/// </summary>
public sealed class CollectionAllocationTests
{
    // 67 rings of 35 instances: an odd total, so that the collections of other tests running beside this one are
    // never mistaken for this program's.
    private const int Instances = 67 * 35;

    [Fact]
    public void Collecting_rings_of_instances_allocates_no_dotnet_memory_per_instance()
    {
        using AllocationListener listener = new(Instances);
        ProgramRun.Outcome r = ProgramRun.Run("""
            import gc
            class Node:
                def __init__(self):
                    self.next = None
                    self.prev = None
            def rings(count, size):
                heads = []
                for _ in range(count):
                    head = Node()
                    current = head
                    for _ in range(size - 1):
                        following = Node()
                        current.next = following
                        following.prev = current
                        current = following
                    current.next = head
                    head.prev = current
                    heads.append(head)
                return heads
            gc.collect()
            heads = rings(67, 35)
            del heads
            print(gc.collect())
            heads = rings(67, 35)
            del heads
            print(gc.collect())
            """);

        Assert.Equal($"{Instances}\n{Instances}\n", r.Stdout);
        long[] allocated = [.. listener.Allocated];
        Assert.Equal(2, allocated.Length);

        // The second collection of the same size finds the collector's lists already grown; what is left is the
        // events' own payloads (under 500 bytes). The smallest .NET object is 24 bytes, so any allocation per instance
        // breaks the bound; clearing an instance used to allocate two attribute arrays (about 150 bytes).
        Assert.True(allocated[1] < Instances * 2L, $"the second gc.collect() allocated {allocated[1]} bytes for {Instances} instances");
    }

    /// <summary>Reads the collecting thread's allocated bytes at each collection's start and stop event.</summary>
    private sealed class AllocationListener(int collected) : EventListener
    {
        private readonly ConcurrentDictionary<int, long> _started = new();

        public ConcurrentQueue<long> Allocated { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Reclaim-Runtime")
            {
                EnableEvents(eventSource, EventLevel.Informational);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            // The events are written on the collecting thread, so its counter brackets the collection.
            long now = GC.GetAllocatedBytesForCurrentThread();
            int thread = Environment.CurrentManagedThreadId;
            if (eventData.EventName == "CollectionStart")
            {
                _started[thread] = now;
            }
            else if (eventData.EventName == "CollectionStop" && (int)eventData.Payload![1]! == collected
                && _started.TryRemove(thread, out long start))
            {
                Allocated.Enqueue(now - start);
            }
        }
    }
}
