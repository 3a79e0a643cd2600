using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0001: a hand-written TraverseReferences that misses a reference member (invariant I2, seed 001).</summary>
public sealed class TraverseMissesReferenceTests
{
    [Fact]
    public void Traverse_MissesAFieldAnArrayAndAList_ReportsEachByName()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            public sealed class Holder : RcObject
            {
                public RcField<RcObject> Visible;
                public RcField<RcObject> Hidden;
                public RcField<RcObject>[] Slots = new RcField<RcObject>[2];
                public readonly RcList<RcObject> Items = new();

                protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Visible);

                protected override void ClearReferences() => Visible.Clear();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0001");
        List<string> reported = Reported.Of(diagnostics, "RCL0001");
        Assert.Equal(3, reported.Count);
        Assert.All(reported, message => Assert.StartsWith("10: TraverseReferences of 'Holder' does not visit '", message, StringComparison.Ordinal));
        Assert.Contains(reported, message => message.Contains("'Hidden'", StringComparison.Ordinal));
        Assert.Contains(reported, message => message.Contains("'Slots'", StringComparison.Ordinal));
        Assert.Contains(reported, message => message.Contains("'Items'", StringComparison.Ordinal));
    }

    [Fact]
    public void Traverse_OverridesABaseTraversalWithoutCallingIt_Reports()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public partial class Base : RcObject
            {
                public RcField<RcObject> Parent;
            }

            public sealed class Derived : Base
            {
                public RcField<RcObject> Child;

                protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Child);
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0001");
        Reported.Exactly(
            diagnostics,
            "RCL0001",
            "13: TraverseReferences of 'Derived' does not visit 'its base class's references (call base.TraverseReferences(ref visitor))': the collector cannot see that reference, and a cycle through it is freed while still referenced or never freed");
    }

    [Fact]
    public void Traverse_VisitsEveryMemberInTheUsualShapes_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public partial class Base : RcObject
            {
                public RcField<RcObject> Parent;
            }

            public sealed class Complete : Base
            {
                public RcField<RcObject> Direct;
                public RcField<RcObject> ThroughValue;
                public RcField<RcObject>[] Looped = new RcField<RcObject>[2];
                public RcField<RcObject>[] ThroughLocal = new RcField<RcObject>[2];
                public RcField<RcObject>[] ForEached = new RcField<RcObject>[2];
                public readonly RcList<RcObject> Items = new();
                public int NotAReference;

                protected override void TraverseReferences(ref Visitor visitor)
                {
                    visitor.Visit(Direct);
                    visitor.Visit(this.ThroughValue.Value);
                    for (int i = 0; i < Looped.Length; i++)
                    {
                        visitor.Visit(Looped[i]);
                    }

                    var local = ThroughLocal;
                    visitor.Visit<RcObject>(local);
                    foreach (RcField<RcObject> field in ForEached)
                    {
                        visitor.Visit(field.Value);
                    }

                    visitor.Visit(Items);
                    base.TraverseReferences(ref visitor);
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
