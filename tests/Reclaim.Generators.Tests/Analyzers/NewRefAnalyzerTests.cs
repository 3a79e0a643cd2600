using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0011 (a NewRef neither handed on nor released) and RCL0009/RCL0010 for NewRef (copied, held in a field).</summary>
public sealed class NewRefAnalyzerTests
{
    private const string NodeType = """
        [RcType]
        public sealed partial class Node : RcObject
        {
            public RcField<Node> Next;
            public RcList<Node> Items = new();
        }
        """;

    [Fact]
    public void NewRef_DroppedOrLeftUnconsumedOnAPath_ReportsRcl0011()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            public static class Careless
            {
                public static void Use(Runtime runtime, bool flag)
                {
                    runtime.New<Node>();
                    _ = runtime.New<Node>();
                    runtime.New<Node>().Value.Next.Clear();
                    NewRef<Node> a = runtime.New<Node>();
                    if (flag)
                    {
                        a.Release();
                    }
                    NewRef<Node> b = runtime.New<Node>();
                    b = runtime.New<Node>();
                    b.Release();
                }

                public static void Take(NewRef<Node> owned) => System.Console.WriteLine(owned.Value);
            }

            """ + NodeType);

        Reported.OnlyIds(diagnostics, "RCL0011");
        Reported.Exactly(
            diagnostics,
            "RCL0011",
            Leak(7, "the new reference returned by 'New' is dropped here"),
            Leak(8, "the new reference returned by 'New' is dropped here"),
            Leak(9, "the new reference returned by 'New' is dropped here"),
            Leak(10, "'a' holds a new reference that some path from here neither hands on nor releases"),
            Leak(15, "'b' holds a new reference that some path from here neither hands on nor releases"),
            Leak(20, "the parameter 'owned' owns a new reference that some path neither hands on nor releases"));
    }

    [Fact]
    public void NewRef_HandedOnOrReleasedOnEveryPath_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            public static class Careful
            {
                public static NewRef<Node> Use(Runtime runtime, bool flag, WeakRef weak)
                {
                    NewRef<Node> a = runtime.New<Node>();
                    a.Value.Next.Set(runtime.New<Node>());
                    a.Value.Items.Add(runtime.New<Node>());
                    if (flag)
                    {
                        a.Release();
                    }
                    else
                    {
                        Keep(a);
                    }

                    NewRef<RcObject> target = weak.TryGetTarget();
                    if (target.IsNull)
                    {
                        return runtime.New<Node>();
                    }

                    target.Release();
                    Owned<Node> handle = runtime.New<Node>().ToOwned();
                    handle.Dispose();
                    Node raw = runtime.New<Node>().Take();
                    raw.Release();
                    NewRef<Node> captured = runtime.New<Node>();
                    System.Action later = () => captured.Release();
                    later();
                    NewRef<Node> result = runtime.New<Node>();
                    return result;
                }

                private static void Keep(NewRef<Node> owned) => owned.Value.Next.Set(owned);
            }

            """ + NodeType);

        Reported.OnlyIds(diagnostics);
    }

    [Fact]
    public void NewRef_CopiedOrHeldInAField_ReportsRcl0009AndRcl0010()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using System.Collections.Generic;
            using Reclaim;

            public sealed class Holder
            {
                public NewRef<Node> Kept;
                public List<NewRef<Node>> Many { get; } = new();
                public System.Func<NewRef<Node>>? Factory;

                public void Use(Runtime runtime)
                {
                    NewRef<Node> a = runtime.New<Node>();
                    NewRef<Node> b = a;
                    object boxed = b;
                    Many.Add(runtime.New<Node>());
                    System.GC.KeepAlive(boxed);
                }
            }

            """ + NodeType);

        Reported.OnlyIds(diagnostics, "RCL0009", "RCL0010", "RCL0011");
        Assert.Equal(["13: 'a' is copied here", "14: 'b' is copied here"], Reported.Of(diagnostics, "RCL0009").Select(Head));
        Assert.Equal(["6: 'Kept' holds a NewRef<T> in a field", "7: 'Many' holds a NewRef<T> in a property"], Reported.Of(diagnostics, "RCL0010").Select(Head));
    }

    private static string Leak(int line, string what) =>
        $"{line}: {what}: the object is never freed (a leak); release it (Release()), hand it on (RcField.Set, RcList.Add, a NewRef<T> parameter, return) or move it into a handle (ToOwned())";

    private static string Head(string reported) => reported[..reported.IndexOf(':', reported.IndexOf(':') + 1)];
}
