using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0009 (an RcField read as a value) and RCL0010 (an RcField inside a struct or a .NET collection).</summary>
public sealed class RcFieldCopyTests
{
    [Fact]
    public void RcField_ReadAsAValue_ReportsRcl0009()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public sealed partial class Node : RcObject
            {
                public RcField<Node> Next;
                public RcField<Node>[] Slots = new RcField<Node>[2];
            }

            public static class Careless
            {
                public static void Use(Node a, Node b)
                {
                    var copy = a.Next;
                    copy.Set(b);
                    RcField<Node> slot = a.Slots[0];
                    Keep(a.Next);
                }

                private static void Keep(RcField<Node> field) { }
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0009");
        Reported.Exactly(
            diagnostics,
            "RCL0009",
            "14: 'Next' is copied here: RcField<T> is a struct, so Set or Clear on the copy changes counts while 'Next' keeps its old value; use it in place ('Next.Set(...)', 'Next.Value') or through a ref local",
            "16: 'a.Slots[0]' is copied here: RcField<T> is a struct, so Set or Clear on the copy changes counts while 'a.Slots[0]' keeps its old value; use it in place ('a.Slots[0].Set(...)', 'a.Slots[0].Value') or through a ref local",
            "17: 'Next' is copied here: RcField<T> is a struct, so Set or Clear on the copy changes counts while 'Next' keeps its old value; use it in place ('Next.Set(...)', 'Next.Value') or through a ref local");
    }

    [Fact]
    public void RcField_UsedInPlace_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public sealed partial class Node : RcObject
            {
                public RcField<Node> Next;
                public RcField<Node>[] Slots = new RcField<Node>[2];
            }

            public static class Careful
            {
                public static Node? Use(Node a, Node b)
                {
                    a.Next.Set(b);
                    a.Slots[1].Set(a.Next.Value);
                    ref RcField<Node> slot = ref a.Slots[0];
                    slot.Set(b);
                    Pass(ref a.Next);
                    Peek(in a.Next);
                    string name = nameof(a.Next);
                    (b.Next.IsNull ? ref b.Next : ref b.Slots[0]).Set(a);
                    bool linked = a is { Next.Value: { } };
                    a.Next.Clear();
                    return a.Slots[1].IsNull ? null : a.Slots[1].Value;
                }

                private static void Pass(ref RcField<Node> field) => field.Clear();

                private static void Peek(in RcField<Node> field) { }
            }
            """);

        Reported.OnlyIds(diagnostics);
    }

    [Fact]
    public void RcField_InAStructOrACollection_ReportsRcl0010()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using System.Collections.Generic;
            using Reclaim;

            public struct Pair
            {
                public RcField<RcObject> First;
            }

            public sealed class Registry
            {
                public List<RcField<RcObject>> Fields = new();
                public Dictionary<string, RcField<RcObject>> ByName { get; } = new();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0010");
        Reported.Exactly(
            diagnostics,
            "RCL0010",
            "6: 'First' holds RcField<T> inside the struct 'Pair': every read copies the field, so its stores and releases act on copies and the collector never sees it; hold the reference in an RcField<T> field, an RcField<T>[] or an RcList<T> of a runtime object",
            "11: 'Fields' holds RcField<T> as a type argument of 'List': every read copies the field, so its stores and releases act on copies and the collector never sees it; hold the reference in an RcField<T> field, an RcField<T>[] or an RcList<T> of a runtime object",
            "12: 'ByName' holds RcField<T> as a type argument of 'Dictionary': every read copies the field, so its stores and releases act on copies and the collector never sees it; hold the reference in an RcField<T> field, an RcField<T>[] or an RcList<T> of a runtime object");
    }
}
