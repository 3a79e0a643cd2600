using Microsoft.CodeAnalysis;
using Reclaim.Generators.Tests.Support;

namespace Reclaim.Generators.Tests.Analyzers;

/// <summary>RCL0006 (runtime object in a plain field) and RCL0008 (an RcField that can only be a copy).</summary>
public sealed class FieldShapeTests
{
    [Fact]
    public void Field_HoldsARuntimeObjectOutsideRcField_ReportsRcl0006WithTheReplacement()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using System.Collections.Generic;
            using Reclaim;

            [RcType]
            public sealed partial class Careless : RcObject
            {
                public Careless? Parent;
                public Owned<RcObject>? Handle;
                public RcObject[] Array = [];
                public List<Careless> Children = new();
                public Dictionary<string, WeakRef> ByName = new();
                public RcObject? Property { get; set; }
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0006");
        Reported.Exactly(
            diagnostics,
            "RCL0006",
            "7: Field 'Parent' of 'Careless' holds the runtime object type 'Careless': its count is not maintained by the object and the collector cannot see it; use RcField<Careless>",
            "8: Field 'Handle' of 'Careless' holds an Owned<RcObject> handle: its count is not maintained by the object and the collector cannot see it; use RcField<RcObject> (store it with SetOwned(handle.Take()))",
            "9: Field 'Array' of 'Careless' holds an array of the runtime object type 'RcObject': its count is not maintained by the object and the collector cannot see it; use RcField<RcObject>[] or RcList<RcObject>",
            "10: Field 'Children' of 'Careless' holds a .NET collection of the runtime object type 'Careless': its count is not maintained by the object and the collector cannot see it; use RcList<Careless>",
            "11: Field 'ByName' of 'Careless' holds a .NET collection of the runtime object type 'WeakRef': its count is not maintained by the object and the collector cannot see it; use RcList<WeakRef>",
            "12: Field 'Property' of 'Careless' holds the runtime object type 'RcObject': its count is not maintained by the object and the collector cannot see it; use RcField<RcObject>");
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Field_CountedOrNotAReference_IsSilent()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using System;
            using System.Collections.Generic;
            using Reclaim;

            [RcType]
            public sealed partial class Careful : RcObject
            {
                public RcField<Careful> Parent;
                public RcField<RcObject>[] Slots = new RcField<RcObject>[1];
                public RcList<Careful> Children { get; } = new();
                public Action<Careful>? Callback;
                public List<string> Names = new();
                public static Careful? Shared;
            }

            public sealed class NotARuntimeObject
            {
                public RcObject? Borrowed;
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void RcField_ReadonlyOrAProperty_ReportsRcl0008()
    {
        IReadOnlyList<Diagnostic> diagnostics = TestCompilation.Analyze("""
            using Reclaim;

            [RcType]
            public sealed partial class Copies : RcObject
            {
                public readonly RcField<RcObject> Frozen;
                public RcField<RcObject> Auto { get; set; }
                public RcField<RcObject> Fine;
            }
            """);

        Reported.OnlyIds(diagnostics, "RCL0008");
        Reported.Exactly(
            diagnostics,
            "RCL0008",
            "6: 'Frozen' of 'Copies' is declared readonly: Set and Clear act on a copy, so the count changes but the stored reference does not; declare it as a plain, non-readonly field",
            "7: 'Auto' of 'Copies' is a property: Set and Clear act on a copy, so the count changes but the stored reference does not; declare it as a plain, non-readonly field");
    }
}
