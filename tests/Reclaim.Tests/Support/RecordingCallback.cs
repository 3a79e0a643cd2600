namespace Reclaim.Tests.Support;

/// <summary>A weak-reference callback that is a runtime object (a leaf) and records every call it gets.</summary>
internal sealed class RecordingCallback : RcObject, IWeakRefCallback
{
#pragma warning disable RCL0006 // Borrowed on purpose: tests compare identities while the callers still hold the weak references.
    public List<WeakRef> Calls { get; } = [];
#pragma warning restore RCL0006

    /// <summary>Runs inside the callback, after the call was recorded.</summary>
    public Action<WeakRef>? OnCall { get; set; }

    public void OnReferentDied(WeakRef reference)
    {
        Calls.Add(reference);
        OnCall?.Invoke(reference);
    }
}
