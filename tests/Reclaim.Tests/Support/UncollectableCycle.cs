namespace Reclaim.Tests.Support;

/// <summary>
/// Two <see cref="StubbornNode"/>s referring to each other and to nothing else: the next collection finds them
/// garbage, cannot free them (their <c>Clear</c> keeps the references) and keeps them in <see cref="Gc.Garbage"/>.
/// </summary>
internal sealed class UncollectableCycle
{
    public UncollectableCycle(TestRuntime t)
    {
        using Owned<StubbornNode> a = t.Runtime.New<StubbornNode>().ToOwned();
        using Owned<StubbornNode> b = t.Runtime.New<StubbornNode>().ToOwned();
        A = a.Value;
        B = b.Value;
        A.Next.Set(B);
        B.Next.Set(A);
    }

    public StubbornNode A { get; }

    public StubbornNode B { get; }

    /// <summary>Breaks the cycle by hand and gives back <see cref="Gc.Garbage"/>'s references, so both die.</summary>
    public void Break(Gc gc)
    {
        A.Next.Clear();
        B.Next.Clear();
        gc.ClearGarbage();
    }
}
