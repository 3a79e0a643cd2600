using System.Text.RegularExpressions;

namespace Reclaim.Generators.Tests.Packaging;

/// <summary>
/// The shipped artifact, end to end: <c>dotnet pack</c> of the runtime yields one package carrying the generator under
/// <c>analyzers/dotnet/cs</c>, and a separate program that references only that package gets generated traversal
/// (its cycle is collected) and the diagnostics.
/// </summary>
public sealed class PackageConsumerTests
{
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    [Fact]
    public void PackedPackage_ConsumerBuild_UsesGeneratedTraversalAndReportsEveryDiagnostic()
    {
        string root = RepositoryRoot();
        string work = Path.Combine(Path.GetTempPath(), "reclaim-package-test-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        string version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            // The runtime and the generator were just built, in this configuration, as references of this test project:
            // packing those outputs (rather than compiling both again) keeps the test fast on a busy machine.
            (int packExit, string packOutput) = DotnetCommand.Run(
                root,
                new Dictionary<string, string>(),
                "pack", Path.Combine(root, "src", "Reclaim", "Reclaim.csproj"), "--no-build", "-c", BuildConfiguration, "-o", feed,
                $"-p:Version={version}", "-nodeReuse:false", "-tl:off");
            Assert.True(packExit == 0, "dotnet pack failed:\n" + packOutput);
            string package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
            using (System.IO.Compression.ZipArchive archive = System.IO.Compression.ZipFile.OpenRead(package))
            {
                string[] entries = [.. archive.Entries.Select(e => e.FullName)];
                Assert.Contains("analyzers/dotnet/cs/Reclaim.Generators.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/Reclaim.Generators.CodeFixes.dll", entries);
                Assert.Contains("lib/net10.0/Reclaim.dll", entries);
            }

            // A package cache of its own: a Reclaim package cached by an earlier run can never be picked up.
            string consumer = Path.Combine(work, "consumer");
            ConsumerProject.Write(consumer, feed, version);
            Dictionary<string, string> environment = new() { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
            (int buildExit, string buildOutput) = DotnetCommand.Run(consumer, environment, "build", "-c", "Release", "-nodeReuse:false", "-tl:off");
            Assert.True(buildExit == 0, "The consumer did not build:\n" + buildOutput);
            foreach (string id in ConsumerProject.DiagnosticIds)
            {
                Assert.True(Regex.IsMatch(buildOutput, $@"Broken\.cs\(\d+,\d+\): warning {id}:"), $"{id} was not reported on Broken.cs:\n{buildOutput}");

                // The help link resolves from a package: an absolute URL to the rule's section of the documentation.
                Assert.True(
                    Regex.IsMatch(buildOutput, $@"warning {id}:.*\(https://[^ )]+/docs/writing-types\.md#{id.ToLowerInvariant()}-"),
                    $"{id} has no absolute help link:\n{buildOutput}");
            }

            Assert.DoesNotMatch(@"Program\.cs\(\d+,\d+\): warning RCL", buildOutput);

            string program = Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll");
            (int runExit, string runOutput) = DotnetCommand.Run(consumer, environment, program);
            Assert.True(runExit == 0, "The consumer's cycle was not collected through generated traversal:\n" + runOutput);
            Assert.Contains("collected=2 freed=True traverse-by=Reclaim.Generators", runOutput, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open (a lingering build server) must not fail the test; the OS cleans the temp directory.
            }
        }
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

        throw new InvalidOperationException($"No Reclaim.slnx above {AppContext.BaseDirectory}: the packaging test runs from the repository's test output.");
    }
}
