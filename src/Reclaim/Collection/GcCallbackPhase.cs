namespace Reclaim;

/// <summary>When a collection callback is called.</summary>
public enum GcCallbackPhase
{
    /// <summary>Before the collection does anything.</summary>
    Start,

    /// <summary>After the collection finished.</summary>
    Stop,
}
