namespace Reclaim.Tests.Support;

/// <summary>A weak-reference callback that is a runtime object (a leaf) and records every call it gets.</summary>
internal sealed class RecordingCallback : RcObject, IWeakRefCallback
{
    public List<WeakRef> Calls { get; } = [];

    /// <summary>Runs inside the callback, after the call was recorded.</summary>
    public Action<WeakRef>? OnCall { get; set; }

    public void OnReferentDied(WeakRef reference)
    {
        Calls.Add(reference);
        OnCall?.Invoke(reference);
    }
}
