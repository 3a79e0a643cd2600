namespace Reclaim.Cli.Graph;

/// <summary>The picture drawn of one scenario's key moment.</summary>
/// <param name="Moment">What was about to happen when the heap was drawn.</param>
/// <param name="Dot">Path of the Graphviz DOT file.</param>
/// <param name="Svg">Path of the SVG file.</param>
/// <param name="Objects">How many objects the heap held.</param>
/// <param name="WhyAlive">The why-alive answer for the scenario's focus object, or an empty string.</param>
public sealed record DrawnPicture(string Moment, string Dot, string Svg, int Objects, string WhyAlive);
