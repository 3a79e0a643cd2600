using System.Text.RegularExpressions;

namespace Reclaim.Python.Tests.Conformance.Runner;

/// <summary>
/// The masking both sides get before they are compared (the same rule as <c>scripts/regen-conformance.py</c>):
/// an object's address (<c>at 0x7f3a…</c>) differs from run to run and interpreter to interpreter.
/// </summary>
internal static partial class OutputMask
{
    /// <summary>Replaces every <c>at 0x…</c> address with <c>at 0x?</c> and normalises line ends.</summary>
    /// <param name="text">A stream's text.</param>
    /// <returns>The masked text.</returns>
    public static string Apply(string text) => Address().Replace(text.Replace("\r\n", "\n"), "at 0x?");

    [GeneratedRegex(@"\bat 0x[0-9a-fA-F]+")]
    private static partial Regex Address();
}
