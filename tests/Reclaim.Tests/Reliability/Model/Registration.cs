namespace Reclaim.Tests.Reliability.Model;

/// <summary>A <c>weakref.finalize</c> registration in the model: it holds its weak reference and its argument.</summary>
internal sealed class Registration(int id, int weakRef, int? argument)
{
    public int Id { get; } = id;

    public int WeakRef { get; } = weakRef;

    public int? Argument { get; } = argument;

    /// <summary>Still registered: neither called nor detached.</summary>
    public bool Alive { get; set; } = true;
}
