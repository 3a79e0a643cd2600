namespace Reclaim.Cli.Bench;

/// <summary>
/// The plain benchmark node: a container with one reference and no finalizer. <c>[RcType]</c> gives it a generated
/// constructor registration, so <see cref="Runtime.Allocate{T}"/> constructs it without <c>Activator</c>.
/// </summary>
[RcType]
public sealed partial class BenchNode : LinkedNode
{
}
