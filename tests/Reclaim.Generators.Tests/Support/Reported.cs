using Microsoft.CodeAnalysis;

namespace Reclaim.Generators.Tests.Support;

/// <summary>Reads analyzer diagnostics the way a test states them: id, 1-based line, message.</summary>
internal static class Reported
{
    /// <summary>The diagnostics with <paramref name="id"/>, as "line: message".</summary>
    public static List<string> Of(IReadOnlyList<Diagnostic> diagnostics, string id) =>
        [.. diagnostics.Where(d => d.Id == id).Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];

    /// <summary>Asserts the exact "line: message" list for <paramref name="id"/>, compared as text so a mismatch shows whole messages.</summary>
    public static void Exactly(IReadOnlyList<Diagnostic> diagnostics, string id, params string[] expected) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", Of(diagnostics, id)));

    /// <summary>Asserts that nothing but <paramref name="allowed"/> ids were reported (so a test for one rule notices noise from another).</summary>
    public static void OnlyIds(IReadOnlyList<Diagnostic> diagnostics, params string[] allowed)
    {
        List<Diagnostic> other = [.. diagnostics.Where(d => !allowed.Contains(d.Id))];
        Assert.True(other.Count == 0, "Unexpected diagnostics:\n" + string.Join("\n", other));
    }
}
