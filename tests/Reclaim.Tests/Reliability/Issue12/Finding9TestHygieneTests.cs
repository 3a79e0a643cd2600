namespace Reclaim.Tests.Reliability.Issue12;

/// <summary>
/// Issue 12, finding 9: a test helper ran the system's package manager with root rights from inside
/// <c>dotnet test</c>. Tests only locate tools; scripts in <c>scripts/</c> install them, and <c>.ci/run</c> calls
/// those scripts before the tests.
/// </summary>
public sealed class Finding9TestHygieneTests
{
    // Spelled in two parts so that this guard, which installs nothing, does not match a search for installers itself.
    private const string PackageManager = "apt" + "-get";

    [Fact]
    public void Finding9_NoTestSourceInstallsPackagesOrRunsScripts()
    {
        string root = RepositoryRoot();
        string[] offenders =
        [
            .. Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(path => !path.EndsWith(nameof(Finding9TestHygieneTests) + ".cs", StringComparison.Ordinal))
                .Where(path => File.ReadAllText(path) is var text
                    && (text.Contains(PackageManager, StringComparison.Ordinal) || text.Contains("install-svg-renderer.sh\"", StringComparison.Ordinal))),
        ];

        Assert.Empty(offenders);
    }

    [Fact]
    public void Finding9_CiInstallsTheSvgRendererBeforeTheTests()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), ".ci", "run"));
        int install = Array.FindIndex(lines, line => line.Trim() == "scripts/install-svg-renderer.sh");
        int test = Array.FindIndex(lines, line => line.Trim().StartsWith("dotnet test", StringComparison.Ordinal));

        Assert.True(install >= 0, ".ci/run does not call scripts/install-svg-renderer.sh");
        Assert.True(install < test, ".ci/run installs the renderer after the tests");
    }

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
