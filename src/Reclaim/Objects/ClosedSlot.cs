namespace Reclaim;

/// <summary>
/// What an <see cref="RcField{T}"/> holds once its owner died: <see cref="RcObject.ClearReferences"/> ran on the
/// owner, so a later store would never be released. Every read of the field treats it as empty; every store refuses
/// it with <see cref="OwnerNotAliveException"/>. Never adopted, never handed out.
/// </summary>
internal sealed class ClosedSlot : RcObject
{
    /// <summary>The one marker every closed field holds.</summary>
    internal static readonly ClosedSlot Instance = new();

    private ClosedSlot()
    {
    }
}
