using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0003: a TraverseReferences that does anything but visit (invariant I3, seed 002: PyO3 #3165).</summary>
public sealed class ImpureTraverseTests
{
    [Fact]
    public void Traverse_ChangesCountsAllocatesOrCallsTheRuntime_ReportsEachWhereItHappens()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using System.Collections.Generic;
            using Reclaim;

            public sealed class Ref : RcObject
            {
                public RcField<RcObject> Inner;
                public bool ClearOnTraverse;
                private readonly List<int> _log = new();
                private int _traversals;

                protected override void TraverseReferences(ref Visitor visitor)
                {
                    if (ClearOnTraverse)
                    {
                        Inner.Clear();
                    }

                    Runtime.SafePoint();
                    Inner.Value?.AddRef();
                    object boxed = _traversals;
                    var copy = new List<int>(_log);
                    _log.Add(1);
                    _traversals++;
                    visitor.Visit(Inner);
                }

                protected override void ClearReferences() => Inner.Clear();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0003");
        Reported.Exactly(
            diagnostics,
            "RCL0003",
            "15: TraverseReferences of 'Ref' changes a reference count (calls 'RcField.Clear'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "18: TraverseReferences of 'Ref' calls into the runtime (calls 'Runtime.SafePoint'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "19: TraverseReferences of 'Ref' changes a reference count (calls 'RcObject.AddRef'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "20: TraverseReferences of 'Ref' allocates (boxes '_traversals'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "21: TraverseReferences of 'Ref' allocates ('new List<int>(_log)'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "22: TraverseReferences of 'Ref' runs other code (calls 'List.Add'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "23: TraverseReferences of 'Ref' writes to '_traversals': a traversal may only read fields and call visitor.Visit or base.TraverseReferences");
    }

    [Fact]
    public void Traverse_CallsAHelperOrADelegate_Reports()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using System;
            using Reclaim;

            public sealed class Helped : RcObject
            {
                public RcField<RcObject> Next;
                public Action? During;

                protected override void TraverseReferences(ref Visitor visitor)
                {
                    VisitAll(ref visitor);
                    During?.Invoke();
                }

                private void VisitAll(ref Visitor visitor) => visitor.Visit(Next);

                protected override void ClearReferences() => Next.Clear();
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0003", "RCL0001");
        Reported.Exactly(
            diagnostics,
            "RCL0003",
            "11: TraverseReferences of 'Helped' runs other code (calls 'Helped.VisitAll'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
            "12: TraverseReferences of 'Helped' runs other code (invokes the delegate 'Action'): a traversal may only read fields and call visitor.Visit or base.TraverseReferences");
    }

    [Fact]
    public void Traverse_OnlyReadsLoopsAndVisits_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public partial class Base : RcObject
            {
                public RcField<RcObject> Parent;
            }

            public sealed class Pure : Base
            {
                public RcField<RcObject> Next;
                public RcField<RcObject>[]? Slots;
                public readonly RcList<RcObject> Items = new();
                public bool Skip;

                protected override void TraverseReferences(ref Visitor visitor)
                {
                    if (!Skip && !Next.IsNull)
                    {
                        visitor.Visit(Next.Value);
                    }

                    if (Slots is { } slots)
                    {
                        for (int i = 0; i < slots.Length; i++)
                        {
                            visitor.Visit(slots[i]);
                        }
                    }

                    foreach (RcObject item in Items)
                    {
                        visitor.Visit(item);
                    }

                    for (int i = 0; i < Items.Count; i++)
                    {
                        visitor.Visit(Items[i]);
                    }

                    base.TraverseReferences(ref visitor);
                }

                protected override void ClearReferences()
                {
                    Next.Clear();
                    Items.Clear();
                    base.ClearReferences();
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
