namespace Reclaim.Tests.Reliability.Model;

/// <summary>An exception a generated program throws on purpose from user code; the label says from where.</summary>
internal sealed class InjectedFault(string label) : Exception($"injected fault: {label}")
{
    public string Label { get; } = label;
}
