namespace Reclaim;

/// <summary>
/// Asks Reclaim's source generator to write <see cref="RcObject.TraverseReferences"/> and <see cref="RcObject.ClearReferences"/> for a
/// <see langword="partial"/> class deriving from <see cref="RcObject"/>.
/// </summary>
/// <remarks>
/// <para>
/// The generated <c>TraverseReferences</c> reports every reference member the class declares — <see cref="RcField{T}"/> fields,
/// arrays of them and <see cref="RcList{T}"/> fields — and then the base class's references. The generated
/// <c>Clear</c> empties every one of them in <c>Py_CLEAR</c> order (the slot is emptied before its value is
/// released) and then clears the base class. A class that declares no reference member gets nothing generated: it
/// stays an untracked leaf (or keeps its base class's traversal).
/// </para>
/// <para>
/// The generator ships with analyzers that refuse hand-written traversals that miss a member or do anything but
/// call the visitor; see <c>docs/writing-types.md</c>.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class RcTypeAttribute : Attribute
{
}
