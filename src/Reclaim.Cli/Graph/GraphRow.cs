namespace Reclaim.Cli.Graph;

/// <summary>One line of <c>reclaim graph --json</c>.</summary>
/// <param name="Seed">The seed: "000" to "003".</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Moment">What was about to happen when the heap was drawn.</param>
/// <param name="Objects">How many objects the heap held.</param>
/// <param name="Dot">Path of the DOT file.</param>
/// <param name="Svg">Path of the SVG file.</param>
/// <param name="WhyAlive">Why the scenario's focus object was alive (or garbage), in plain words.</param>
/// <param name="Passed">Whether the scenario still upheld its invariant with the picture taken.</param>
public sealed record GraphRow(string Seed, string Scenario, string Moment, int Objects, string Dot, string Svg, string WhyAlive, bool Passed);
