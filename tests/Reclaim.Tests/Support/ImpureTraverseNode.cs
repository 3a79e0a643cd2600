namespace Reclaim.Tests.Support;

/// <summary>
/// A container whose <see cref="TraverseReferences"/> runs a test-chosen action after reporting its field: used to break
/// traversal purity (invariant I3) on purpose.
/// </summary>
internal sealed class ImpureTraverseNode : RcObject
{
    public RcField<RcObject> Next;

    /// <summary>Runs inside every traversal while set.</summary>
    public Action? DuringTraverse { get; set; }

    /// <summary>Exceptions the action threw, in order (the action's exception still propagates).</summary>
    public List<Exception> Thrown { get; } = [];

#pragma warning disable RCL0003 // The impurity is the point: the runtime must refuse what the action does.
    protected internal override void TraverseReferences(ref Visitor visitor)
    {
        visitor.Visit(Next);
        if (DuringTraverse is { } action)
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                Thrown.Add(exception);
                throw;
            }
        }
    }
#pragma warning restore RCL0003

    protected internal override void ClearReferences() => Next.Clear();
}
