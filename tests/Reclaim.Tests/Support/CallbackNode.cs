namespace Reclaim.Tests.Support;

/// <summary>A container usable as a weak-reference callback; records every call and whether it was intact. Its traversal is generated.</summary>
[RcType]
internal sealed partial class CallbackNode : RcObject, IWeakRefCallback
{
    public RcField<RcObject> Next;

    public int Calls { get; private set; }

    public int CallsWhileNotAlive { get; private set; }

    /// <summary>Runs inside the callback, after the call was counted.</summary>
    public Action<CallbackNode, WeakRef>? OnCall { get; set; }

    public void OnReferentDied(WeakRef reference)
    {
        Calls++;
        if (!IsAlive)
        {
            CallsWhileNotAlive++;
        }

        OnCall?.Invoke(this, reference);
    }
}
