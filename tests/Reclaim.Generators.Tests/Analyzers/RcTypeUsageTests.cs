using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0004, RCL0005, RCL0007: [RcType] where the generator cannot write the traversal.</summary>
public sealed class RcTypeUsageTests
{
    [Fact]
    public void RcType_OnAClassThatIsNotPartial_ReportsRcl0004()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public sealed class Node : RcObject
            {
                public RcField<Node> Next;
            }

            public class Outer
            {
                [RcType]
                public sealed partial class Inner : RcObject
                {
                    public RcField<Inner> Next;
                }
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0004");
        Reported.Exactly(
            diagnostics,
            "RCL0004",
            "4: 'Node' is marked [RcType] but 'Node' is not partial, so no traversal can be generated for it",
            "12: 'Inner' is marked [RcType] but 'Outer' is not partial, so no traversal can be generated for it");
    }

    [Fact]
    public void RcType_OnAClassThatIsNotARuntimeObject_ReportsRcl0005()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public sealed partial class Plain
            {
                public RcField<RcObject> Next;
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0005");
        Reported.Exactly(
            diagnostics,
            "RCL0005",
            "4: 'Plain' is marked [RcType] but does not derive from Reclaim.RcObject");
    }

    [Fact]
    public void RcType_WithHandWrittenHooks_ReportsRcl0007AtEachHook()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public sealed partial class Both : RcObject
            {
                public RcField<RcObject> Next;

                protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Next);

                protected override void ClearReferences() => Next.Clear();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0007");
        Reported.Exactly(
            diagnostics,
            "RCL0007",
            "8: 'Both' is marked [RcType] but declares TraverseReferences by hand: remove the attribute to keep the hand-written hooks, or remove the hooks to have both generated",
            "10: 'Both' is marked [RcType] but declares ClearReferences by hand: remove the attribute to keep the hand-written hooks, or remove the hooks to have both generated");
    }

    [Fact]
    public void RcType_UsedAsIntended_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            namespace Sample;

            public partial class Outer
            {
                [RcType]
                public sealed partial class Inner : RcObject
                {
                    public RcField<Inner> Next;
                }
            }

            [RcType]
            public sealed partial class Leaf : RcObject
            {
                public int Value;
            }
            """);

        Assert.Empty(diagnostics);
    }
}
