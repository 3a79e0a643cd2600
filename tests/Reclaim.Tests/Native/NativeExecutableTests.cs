using System.Diagnostics;
using System.Text.Json;

namespace Reclaim.Tests.Native;

/// <summary>
/// The Native AOT build of <c>reclaim</c> (artifacts/native/reclaim, made by scripts/publish-native.sh, which
/// .ci/run runs before the tests): a few commands through it, so that a change Native AOT cannot compile or run
/// (reflection it cannot see, code it cannot generate) fails the suite rather than only the published binary.
/// </summary>
public sealed class NativeExecutableTests
{
    private static readonly string s_binary = Locate();

    private static string Locate()
    {
        string relative = Path.Combine("artifacts", "native", "reclaim");
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reclaim.slnx")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        return Path.GetFullPath(relative);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] arguments)
    {
        Assert.True(File.Exists(s_binary),
            $"The native executable {s_binary} is missing: build it with scripts/publish-native.sh (installs clang and zlib1g-dev when needed).");
        ProcessStartInfo start = new(s_binary, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"'{s_binary} {string.Join(' ', arguments)}' did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Version_PrintsTheLibraryVersion()
    {
        (int exit, string stdout, string stderr) = Run("--version");

        Assert.True(exit == 0, stderr);
        Assert.Equal(typeof(Runtime).Assembly.GetName().Version!.ToString(3), stdout.Trim());
    }

    /// <summary>Every seed scenario through the native build: reflection over runtime types, checked audits, shutdown, threads.</summary>
    [Fact]
    public void DemoJson_EveryVerdictPasses()
    {
        (int exit, string stdout, string stderr) = Run("demo", "--json");

        using JsonDocument document = JsonDocument.Parse(stdout);
        string[] failed = [.. document.RootElement.EnumerateArray()
            .Where(r => !r.GetProperty("passed").GetBoolean())
            .Select(r => $"{r.GetProperty("scenario").GetString()}: {r.GetProperty("reclaim").GetString()}")];
        Assert.True(failed.Length == 0, "native demo verdicts failed:\n" + string.Join("\n", failed));
        Assert.True(exit == 0, stderr);
        Assert.True(document.RootElement.GetArrayLength() >= 12);
    }

    [Fact]
    public void BenchJson_ATinyShapeRun_ProducesItsRows()
    {
        (int exit, string stdout, string stderr) = Run("bench", "--json", "--scale", "0.0002", "--reps", "1", "--shape", "1,3", "--no-cpython");

        Assert.True(exit == 0, stderr);
        using JsonDocument document = JsonDocument.Parse(stdout);
        Assert.Equal([1, 3], document.RootElement.EnumerateArray().Select(r => r.GetProperty("shape").GetInt32()).Distinct());
    }

    [Fact]
    public void RunPrint_PrintsOne()
    {
        (int exit, string stdout, string stderr) = Run("run", "-c", "print(1)");

        Assert.True(exit == 0 && stdout == "1\n", $"'run -c \"print(1)\"' gave exit {exit}, stdout '{stdout}', stderr '{stderr}'");
    }

    /// <summary>
    /// The native executable runs without ICU (invariant globalization): names are still NFKC-normalized and str
    /// methods still case the whole of Unicode, as CPython 3.11 does (the expected line is python3's output).
    /// </summary>
    [Fact]
    public void Run_WithoutICU_NormalizesNamesAndCasesUnicode()
    {
        const string Program = "\ufb01 = 1\nprint(fi, 'stra\u00dfe'.upper(), '\u01c5'.lower(), '\u03a3\u0391\u03a3'.lower(), "
            + "'\u00e9'.isidentifier(), sorted(['b', '\u00e9', 'B']), '%.2f' % 1234.5)\n";
        string file = Path.Combine(Path.GetTempPath(), $"reclaim-native-unicode-{Environment.ProcessId}.py");
        File.WriteAllText(file, Program);
        try
        {
            (int exit, string stdout, string stderr) = Run("run", file);

            Assert.True(exit == 0, stderr);
            Assert.Equal("1 STRASSE \u01c6 \u03c3\u03b1\u03c2 True ['B', 'b', '\u00e9'] 1234.50\n", stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
