namespace Reclaim.Cli.Bench;

/// <summary>The plain benchmark node: a container with one reference and no finalizer.</summary>
public sealed class BenchNode : LinkedNode
{
}
