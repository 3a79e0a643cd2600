using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Reclaim.Generators.Tests;

/// <summary>Every diagnostic's help link lands on its own section of docs/writing-types.md, as GitHub anchors it.</summary>
public sealed partial class HelpLinkTests
{
    [Fact]
    public void EveryDescriptor_HelpLinkAnchor_IsAHeadingOfWritingTypes()
    {
        string document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "writing-types.md"));
        HashSet<string> anchors = [.. Heading().Matches(document).Select(m => Anchor(m.Groups[1].Value))];
        DiagnosticDescriptor[] descriptors =
        [
            .. typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!),
        ];

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d =>
        {
            Assert.StartsWith(DiagnosticDescriptors.HelpLinkBase, d.HelpLinkUri, StringComparison.Ordinal);
            string anchor = d.HelpLinkUri[DiagnosticDescriptors.HelpLinkBase.Length..];
            Assert.True(anchors.Contains(anchor), $"{d.Id}'s help link #{anchor} matches no heading of docs/writing-types.md");
            Assert.StartsWith(d.Id.ToLowerInvariant() + "-", anchor, StringComparison.Ordinal);
        });
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.</summary>
    private static string Anchor(string heading) =>
        NotAnchorCharacter().Replace(heading.Trim().ToLowerInvariant(), "").Replace(' ', '-');

    [GeneratedRegex(@"^#+ (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex NotAnchorCharacter();

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reclaim.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Reclaim.slnx above {AppContext.BaseDirectory}.");
    }
}
