namespace Reclaim.Cli.Demo.Python;

/// <summary>One seed program's line in <c>reclaim demo</c>.</summary>
/// <param name="Seed">The seed: "000" to "003".</param>
/// <param name="Program">The program's file name in <c>examples/seeds/</c>.</param>
/// <param name="Original">What the original interpreter did.</param>
/// <param name="Reclaim">What <c>reclaim run</c> printed, in one line.</param>
/// <param name="Oracle">Where CPython 3.11's output came from: "python3" (run now) or "recorded".</param>
/// <param name="Passed">Whether <c>reclaim run</c>'s exit status, stdout and masked stderr equal CPython 3.11's.</param>
public sealed record PythonDemoRow(string Seed, string Program, string Original, string Reclaim, string Oracle, bool Passed);
