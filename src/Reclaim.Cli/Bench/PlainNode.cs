namespace Reclaim.Cli.Bench;

/// <summary>The plain .NET class equivalent to <see cref="BenchNode"/>: the same one reference, no lifetime management.</summary>
public sealed class PlainNode
{
    /// <summary>The next node.</summary>
    public PlainNode? Next;
}
