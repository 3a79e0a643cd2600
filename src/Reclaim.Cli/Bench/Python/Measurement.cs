namespace Reclaim.Cli.Bench.Python;

/// <summary>One run of one program under one side.</summary>
/// <param name="Failure">Why the run failed (non-zero exit, time-out, no figure); <see langword="null"/> when it ran.</param>
/// <param name="WallMilliseconds">Whole-process time, start to exit.</param>
/// <param name="TimedMilliseconds">The timed region the program reported, when it did.</param>
/// <param name="PeakKilobytes">The child's peak resident size, when it could be read.</param>
public sealed record Measurement(string? Failure, double WallMilliseconds, double? TimedMilliseconds, long? PeakKilobytes)
{
    /// <summary>Whether the run succeeded.</summary>
    public bool Succeeded => Failure is null;
}
