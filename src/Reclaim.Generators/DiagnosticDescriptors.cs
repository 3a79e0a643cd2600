using Microsoft.CodeAnalysis;

namespace Reclaim.Generators;

/// <summary>
/// Every diagnostic Reclaim's analyzers report, in one place. The ids are stable: they are documented in
/// <c>docs/writing-types.md</c> (each help link points at its section) and tracked in <c>AnalyzerReleases.*.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// Where each rule's section lives: docs/writing-types.md in the repository named by the build's
    /// <c>RepositoryUrl</c> (Directory.Build.props), so the link resolves from an installed package too.
    /// </summary>
    public static readonly string HelpLinkBase = RepositoryInfo.Url + "/blob/main/docs/writing-types.md#";

    private const string TraversalCategory = "Reclaim.Traversal";
    private const string UsageCategory = "Reclaim.Usage";

    /// <summary>RCL0001: a hand-written <c>TraverseReferences</c> misses a reference member (or the base class's traversal).</summary>
    public static readonly DiagnosticDescriptor TraverseMissesReference = new(
        id: "RCL0001",
        title: "TraverseReferences does not visit a reference member",
        messageFormat: "TraverseReferences of '{0}' does not visit '{1}': the collector cannot see that reference, and a cycle through it is freed while still referenced or never freed",
        category: TraversalCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every RcField<T> field, array of RcField<T> and RcList<T> a runtime type declares must be passed to visitor.Visit in its TraverseReferences, and a TraverseReferences that overrides another must call base.TraverseReferences(ref visitor). Use [RcType] to have the traversal generated.",
        helpLinkUri: HelpLinkBase + "rcl0001-traversereferences-does-not-visit-a-reference-member");

    /// <summary>RCL0002: reference members on a type that has neither <c>[RcType]</c> nor a <c>TraverseReferences</c>.</summary>
    public static readonly DiagnosticDescriptor UntracedReferences = new(
        id: "RCL0002",
        title: "Reference members without [RcType] or TraverseReferences",
        messageFormat: "'{0}' holds reference member '{1}' but has neither [RcType] nor a TraverseReferences override: no collection ever sees it (mark the class [RcType] and partial)",
        category: TraversalCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A runtime type that does not override TraverseReferences is an untracked leaf. If it holds counted references, cycles through it are invisible to the collector: the cffi crash of bpo-38006 (seed 001).",
        helpLinkUri: HelpLinkBase + "rcl0002-reference-members-without-rctype-or-traversereferences");

    /// <summary>RCL0003: a <c>TraverseReferences</c> body does something other than call the visitor.</summary>
    public static readonly DiagnosticDescriptor ImpureTraverse = new(
        id: "RCL0003",
        title: "TraverseReferences does something other than call the visitor",
        messageFormat: "TraverseReferences of '{0}' {1}: a traversal may only read fields and call visitor.Visit or base.TraverseReferences",
        category: TraversalCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "TraverseReferences runs in the middle of a collection. A count change, an allocation or a call into the runtime from there can free objects the collector is still walking: the crash of PyO3 #3165 (seed 002).",
        helpLinkUri: HelpLinkBase + "rcl0003-traversereferences-does-something-other-than-call-the-visitor");

    /// <summary>RCL0004: <c>[RcType]</c> on a class (or inside a type) that is not partial.</summary>
    public static readonly DiagnosticDescriptor RcTypeNotPartial = new(
        id: "RCL0004",
        title: "[RcType] class is not partial",
        messageFormat: "'{0}' is marked [RcType] but '{1}' is not partial, so no traversal can be generated for it",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds TraverseReferences and ClearReferences to the class in a second part of its declaration; the class and every type containing it must be declared partial.",
        helpLinkUri: HelpLinkBase + "rcl0004-rctype-class-is-not-partial");

    /// <summary>RCL0005: <c>[RcType]</c> on a class that does not derive from <c>RcObject</c>.</summary>
    public static readonly DiagnosticDescriptor RcTypeNotRcObject = new(
        id: "RCL0005",
        title: "[RcType] class does not derive from RcObject",
        messageFormat: "'{0}' is marked [RcType] but does not derive from Reclaim.RcObject",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Only runtime objects have a traversal. Derive the class from RcObject or remove the attribute.",
        helpLinkUri: HelpLinkBase + "rcl0005-rctype-class-does-not-derive-from-rcobject");

    /// <summary>RCL0006: a runtime object held in a field whose count nobody maintains.</summary>
    public static readonly DiagnosticDescriptor UncountedReference = new(
        id: "RCL0006",
        title: "Runtime object held in a plain field",
        messageFormat: "Field '{0}' of '{1}' holds {2}: its count is not maintained by the object and the collector cannot see it; use {3}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A runtime object stored in a plain field (or an Owned<T> handle, or a .NET collection) inside another runtime object is either a borrowed reference that can dangle once the object dies, or a counted reference no traversal reports. Hold it in RcField<T>, an array of RcField<T> or an RcList<T>. A deliberately borrowed reference can suppress this warning with a comment saying what keeps the object alive.",
        helpLinkUri: HelpLinkBase + "rcl0006-runtime-object-held-in-a-plain-field");

    /// <summary>RCL0007: <c>[RcType]</c> on a class that also declares <c>TraverseReferences</c> or <c>ClearReferences</c>.</summary>
    public static readonly DiagnosticDescriptor RcTypeWithHandWrittenHooks = new(
        id: "RCL0007",
        title: "[RcType] class also writes TraverseReferences or ClearReferences",
        messageFormat: "'{0}' is marked [RcType] but declares {1} by hand: remove the attribute to keep the hand-written hooks, or remove the hooks to have both generated",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator writes TraverseReferences and ClearReferences together so that they cover the same members; it generates nothing for a class that already declares either.",
        helpLinkUri: HelpLinkBase + "rcl0007-rctype-class-also-writes-traversereferences-or-clearreferences");

    /// <summary>RCL0008: an <c>RcField&lt;T&gt;</c> whose stores would go to a copy.</summary>
    public static readonly DiagnosticDescriptor RcFieldCopied = new(
        id: "RCL0008",
        title: "RcField<T> declared readonly or as a property",
        messageFormat: "'{0}' of '{1}' is {2}: Set and Clear act on a copy, so the count changes but the stored reference does not; declare it as a plain, non-readonly field",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "RcField<T> is a mutable struct. Reading it from a readonly field or a property yields a copy; storing through the copy counts the new value without keeping it.",
        helpLinkUri: HelpLinkBase + "rcl0008-rcfieldt-declared-readonly-or-as-a-property");

    /// <summary>RCL0009: an <c>RcField&lt;T&gt;</c> read as a value, which copies the struct.</summary>
    public static readonly DiagnosticDescriptor RcFieldCopiedByValue = new(
        id: "RCL0009",
        title: "RcField<T> or NewRef<T> copied",
        messageFormat: "'{0}' is copied here: {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A copy of an RcField<T> shares the counted reference with the original without owning it: releasing through one leaves the other pointing at a freed object (a later DoubleReleaseException), and storing through the copy leaks the stored value. Only calls on the field itself, reads of its members, and passing it by ref or in are safe. A NewRef<T> owns one reference: a copy (into another variable, a box, a parameter that is not a NewRef<T>) makes two owners of one count.",
        helpLinkUri: HelpLinkBase + "rcl0009-rcfieldt-copied");

    /// <summary>RCL0010: an <c>RcField&lt;T&gt;</c> held where neither an owner's traversal nor its stores can reach it in place.</summary>
    public static readonly DiagnosticDescriptor RcFieldInStructOrCollection = new(
        id: "RCL0010",
        title: "RcField<T> inside a struct or a .NET collection, or NewRef<T> held in a field",
        messageFormat: "'{0}' holds {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "RcField<T> works only in place: as a field of a runtime object, or an element of an RcField<T>[] that object owns. Inside another struct, or as a type argument of a .NET collection (List<RcField<T>>), each access returns a copy. A NewRef<T> lives for a few statements on the stack: a reference kept in a field belongs in an Owned<T> (ordinary .NET objects) or an RcField<T> (runtime objects).",
        helpLinkUri: HelpLinkBase + "rcl0010-rcfieldt-inside-a-struct-or-a-net-collection");

    /// <summary>RCL0011: a <c>NewRef&lt;T&gt;</c> that some path neither hands on nor releases.</summary>
    public static readonly DiagnosticDescriptor NewRefLeaked = new(
        id: "RCL0011",
        title: "NewRef<T> neither handed on nor released",
        messageFormat: "{0}: the object is never freed (a leak); release it (Release()), hand it on (RcField.Set, RcList.Add, a NewRef<T> parameter, return) or move it into a handle (ToOwned())",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A NewRef<T> owns one count of its object. A new reference that is discarded, read only through Value, overwritten, or left in a local that some path out of the method neither releases nor hands on keeps its object alive for ever. The analysis follows the method's control flow graph for locals and parameters; it does not follow exception paths, references captured by lambdas or passed by ref, or a consumption inside a finally block (it stays silent there).",
        helpLinkUri: HelpLinkBase + "rcl0011-newreft-neither-handed-on-nor-released");
}
