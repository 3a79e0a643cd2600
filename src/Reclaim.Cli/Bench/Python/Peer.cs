namespace Reclaim.Cli.Bench.Python;

/// <summary>One side of the comparison: how to start a program under it.</summary>
/// <param name="Name">"reclaim", "cpython" or "pypy".</param>
/// <param name="FileName">The executable.</param>
/// <param name="Prefix">Arguments before the program's path (<c>run</c> for reclaim, or the managed DLL and <c>run</c>).</param>
/// <param name="Version">What the side says it is (its version line, and for reclaim whether it is the native build).</param>
public sealed record Peer(string Name, string FileName, IReadOnlyList<string> Prefix, string Version)
{
    /// <summary>The arguments that run <paramref name="arguments"/> under this side.</summary>
    /// <param name="arguments">What follows the prefix: a program and its arguments, or <c>-c CODE</c>.</param>
    /// <returns>The full argument list.</returns>
    public IReadOnlyList<string> Arguments(IReadOnlyList<string> arguments) => [.. Prefix, .. arguments];
}
