namespace Reclaim;

/// <summary>An exception raised by user code that the runtime called and could not propagate (<c>sys.unraisablehook</c>).</summary>
/// <param name="Exception">What was thrown.</param>
/// <param name="Phase">Which hook was running.</param>
/// <param name="ObjectType">The type of the object the hook ran for, if any.</param>
/// <param name="Object">The object the hook ran for, if any. It may already be cleared or freed: inspect <see cref="RcObject.State"/> before use.</param>
public sealed record UnraisableInfo(Exception Exception, UnraisablePhase Phase, Type? ObjectType, RcObject? Object)
{
    /// <summary>A one-line description in the style of CPython's "Exception ignored in".</summary>
    public override string ToString() =>
        $"Exception ignored in {Phase} of {ObjectType?.Name ?? "<none>"}: {Exception.GetType().Name}: {Exception.Message}";
}
