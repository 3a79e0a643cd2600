using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0002: reference members on a type that is neither [RcType] nor traversed (seed 001's cffi CField).</summary>
public sealed class UntracedReferencesTests
{
    [Fact]
    public void Type_HoldsReferencesWithoutTraverseOrRcType_Reports()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            public sealed class CField : RcObject
            {
                public RcField<RcObject> Type;

                protected override void ClearReferences() => Type.Clear();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0002");
        Reported.Exactly(
            diagnostics,
            "RCL0002",
            "3: 'CField' holds reference member 'Type' but has neither [RcType] nor a TraverseReferences override: no collection ever sees it (mark the class [RcType] and partial)");
    }

    [Fact]
    public void Type_DerivedFromAContainerAddsUntracedMembers_Reports()
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
                public RcList<RcObject> Children = new();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0002");
        Assert.Single(Reported.Of(diagnostics, "RCL0002"), message => message.StartsWith("9: 'Derived' holds reference member 'Children'", StringComparison.Ordinal));
    }

    [Fact]
    public void Type_LeafGeneratedOrHandWritten_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            public sealed class Leaf : RcObject
            {
                public int Count;
                public string Name = "";
            }

            [RcType]
            public sealed partial class Generated : RcObject
            {
                public RcField<RcObject> Next;
            }

            public sealed class HandWritten : RcObject
            {
                public RcField<RcObject> Next;

                protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Next);

                protected override void ClearReferences() => Next.Clear();
            }

            public sealed class NotARuntimeObject
            {
                public RcField<RcObject> Next;
            }
            """);

        Assert.Empty(diagnostics);
    }
}
