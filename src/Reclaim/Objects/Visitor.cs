using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// What <see cref="RcObject.TraverseReferences"/> reports references to. Its only operation is <c>Visit</c>: it cannot be
/// stored, copied out of the call, or used to reach the runtime, so traversal stays pure.
/// </summary>
public ref struct Visitor
{
    private readonly Collector _collector;
    private readonly VisitMode _mode;
    private readonly byte _tag;

    internal Visitor(Collector collector, VisitMode mode, byte tag)
    {
        _collector = collector;
        _mode = mode;
        _tag = tag;
    }

    /// <summary>Reports one reference held by the object being traversed. <see langword="null"/> is ignored.</summary>
    /// <param name="target">The referenced object.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Visit(RcObject? target)
    {
        if (target is null)
        {
            return;
        }

        if (_mode == VisitMode.CountInternal)
        {
            if (target._gcTag == _tag)
            {
                // The slot word counts internal references during a collection (see RcObject._gcSlot).
                target._gcSlot++;
            }
        }
        else if (_mode == VisitMode.MarkReachable)
        {
            if (target._gcTag == _tag && target._gcSlot != Collector.Reachable)
            {
                target._gcSlot = Collector.Reachable;
                _collector.PushMark(target);
            }
        }
        else
        {
            _collector.VisitOther(target, _mode);
        }
    }

    /// <summary>Reports the reference held by a field.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Visit<T>(in RcField<T> field) where T : RcObject => Visit(field.Value);

    /// <summary>Reports the references held by an array (or part of one) of fields.</summary>
    /// <typeparam name="T">The fields' type.</typeparam>
    /// <param name="fields">The fields.</param>
    public void Visit<T>(ReadOnlySpan<RcField<T>> fields) where T : RcObject
    {
        for (int i = 0; i < fields.Length; i++)
        {
            Visit(fields[i].Value);
        }
    }

    /// <summary>Reports the references held by a list. <see langword="null"/> is ignored.</summary>
    /// <typeparam name="T">The items' type.</typeparam>
    /// <param name="list">The list.</param>
    public void Visit<T>(RcList<T>? list) where T : RcObject
    {
        if (list is null)
        {
            return;
        }

        ReadOnlySpan<T> items = list.Items;
        for (int i = 0; i < items.Length; i++)
        {
            Visit(items[i]);
        }
    }
}

/// <summary>Which job a <see cref="Visitor"/> is doing.</summary>
internal enum VisitMode : byte
{
    CountInternal,
    MarkReachable,
    CollectReferents,
}
