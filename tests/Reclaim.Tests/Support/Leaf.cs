namespace Reclaim.Tests.Support;

/// <summary>An object that holds no references: never tracked.</summary>
internal sealed class Leaf : RcObject
{
    public int FreeCount { get; private set; }

    protected internal override void OnFree() => FreeCount++;
}
