namespace Reclaim;

/// <summary>The unraisable hook (invariant I7): user code run by the runtime never breaks the runtime.</summary>
public sealed partial class Runtime
{
    private Action<UnraisableInfo> _unraisableHook = DefaultUnraisableHook;

    /// <summary>
    /// Receives every exception thrown by finalizers, weak-reference callbacks, collection callbacks,
    /// <see cref="RcObject.ClearReferences"/> and <see cref="RcObject.OnFree"/>. The operation that ran them carries on.
    /// </summary>
    public Action<UnraisableInfo> UnraisableHook
    {
        get => _unraisableHook;
        set => _unraisableHook = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How many exceptions went to the unraisable hook.</summary>
    internal long UnraisableCount { get; private set; }

    internal void ReportUnraisable(Exception exception, UnraisablePhase phase, RcObject? obj)
    {
        UnraisableCount++;
        try
        {
            _unraisableHook(new UnraisableInfo(exception, phase, obj?.GetType(), obj));
        }
        catch (Exception hookFailure)
        {
            // A failing hook must not take the collection down with it; fall back to the default report.
            DefaultUnraisableHook(new UnraisableInfo(hookFailure, phase, obj?.GetType(), obj));
        }
    }

    private static void DefaultUnraisableHook(UnraisableInfo info) => Console.Error.WriteLine(info.ToString());
}
