using System.Text.Json;
using Reclaim.Cli;

namespace Reclaim.Tests.Cli.PythonBench;

/// <summary>
/// The whole command with stand-in interpreters (shell scripts whose figures are fixed), so the pipeline from a
/// child's output to the report's ratios is checked exactly, and a side that fails is reported, never a crash.
/// </summary>
public sealed class PythonBenchRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reclaim-pybench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A stand-in interpreter: answers the locator's probe like Python, and runs every "program" with <paramref name="body"/>.</summary>
    private string Interpreter(string name, string body)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, $$"""
            #!/bin/sh
            echo "$@" >> "{{path}}.log"
            if [ "$1" = "-c" ] && [ "${2#import sys}" != "$2" ]; then echo "{{path}}"; echo "3.11.7 (stand-in)"; exit 0; fi
            if [ "$1" = "--version" ]; then echo "0.0-stand-in"; exit 0; fi
            {{body}}
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private string Programs(params string[] names)
    {
        string programs = Directory.CreateDirectory(Path.Combine(_folder, "programs")).FullName;
        foreach (string name in names)
        {
            File.WriteAllText(Path.Combine(programs, name + ".py"), "pass\n");
        }

        return programs;
    }

    private static (int Exit, JsonDocument Report, string Error) Run(params string[] args)
    {
        StringWriter output = new();
        StringWriter error = new();
        int exit = CommandLine.Run(["bench", "--python", "--json", "--no-pypy", .. args], output, error);
        return (exit, JsonDocument.Parse(output.ToString()), error.ToString());
    }

    private static JsonElement Side(JsonElement row, string peer) =>
        row.GetProperty("sides").EnumerateArray().Single(s => s.GetProperty("peer").GetString() == peer);

    [Fact]
    public void StandIns_FixedFigures_GiveExactRatiosAndMetTargets()
    {
        string reclaim = Interpreter("reclaim", "echo '#reclaim-bench timed_ms=1.5'");
        string cpython = Interpreter("cpython", "echo 'some output'; echo '#reclaim-bench timed_ms=3'");

        (int exit, JsonDocument report, string error) = Run("--reps", "3", "--programs", Programs("gc_collect"), "--reclaim", reclaim, "--cpython", cpython);

        using (report)
        {
            Assert.True(exit == 0, error);
            JsonElement row = report.RootElement.GetProperty("rows")[0];
            Assert.Equal("gc_collect", row.GetProperty("program").GetString());
            Assert.Equal("collector", row.GetProperty("kind").GetString());
            Assert.Equal(2.0, row.GetProperty("ratioCPython").GetDouble(), 12);
            Assert.Equal(1.5, Side(row, "reclaim").GetProperty("timedMs").GetDouble());
            Assert.Equal(3, Side(row, "reclaim").GetProperty("runs").GetInt32());
            Assert.True(Side(row, "reclaim").GetProperty("wallMs").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, Side(row, "reclaim").GetProperty("failure").ValueKind);
            JsonElement target = report.RootElement.GetProperty("targets").EnumerateArray()
                .Single(t => t.GetProperty("name").GetString()!.StartsWith("gc_collect", StringComparison.Ordinal));
            Assert.True(target.GetProperty("met").GetBoolean());
            Assert.Equal(3, File.ReadAllLines(reclaim + ".log").Count(l => l.StartsWith("run ", StringComparison.Ordinal) && l.EndsWith("gc_collect.py", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void AFailingSide_IsReportedForThatProgram_AndNotRunAgainOnIt()
    {
        string reclaim = Interpreter("reclaim", "echo 'Traceback (most recent call last):' >&2; echo 'NameError: name x is not defined' >&2; exit 1");
        string cpython = Interpreter("cpython", "echo '#reclaim-bench timed_ms=3'");

        (int exit, JsonDocument report, _) = Run("--reps", "3", "--programs", Programs("nbody", "float"), "--reclaim", reclaim, "--cpython", cpython);

        using (report)
        {
            Assert.Equal(1, exit);
            JsonElement[] rows = [.. report.RootElement.GetProperty("rows").EnumerateArray()];
            Assert.Equal(["float", "nbody", "start-up (reclaim --version)"], rows.Select(r => r.GetProperty("program").GetString()));
            foreach (JsonElement row in rows.Take(2))
            {
                Assert.Equal("exit code 1: NameError: name x is not defined", Side(row, "reclaim").GetProperty("failure").GetString());
                Assert.Equal(3, Side(row, "cpython").GetProperty("runs").GetInt32());
                Assert.Equal(JsonValueKind.Null, row.GetProperty("ratioCPython").ValueKind);
            }

            string[] runs = [.. File.ReadAllLines(reclaim + ".log").Where(l => l.StartsWith("run ", StringComparison.Ordinal) && l.EndsWith(".py", StringComparison.Ordinal))];
            Assert.Equal(2, runs.Length);   // once per program: a failed side is not repeated
        }
    }

    [Fact]
    public void AProgramWithoutItsTimedLine_Fails_WithTheReason()
    {
        string reclaim = Interpreter("reclaim", "echo 'all done'");

        (int exit, JsonDocument report, _) = Run("--reps", "1", "--programs", Programs("richards"), "--reclaim", reclaim, "--no-cpython");

        using (report)
        {
            Assert.Equal(1, exit);
            Assert.Equal("printed no '#reclaim-bench timed_ms=' line",
                Side(report.RootElement.GetProperty("rows")[0], "reclaim").GetProperty("failure").GetString());
        }
    }

    [Fact]
    public void AReclaimThatCannotStart_IsAFailure_NotACrash()
    {
        string missing = Path.Combine(_folder, "no-such-reclaim");

        (int exit, JsonDocument report, _) = Run("--reps", "2", "--programs", Programs("nbody"), "--reclaim", missing, "--no-cpython");

        using (report)
        {
            Assert.Equal(1, exit);
            string failure = Side(report.RootElement.GetProperty("rows")[0], "reclaim").GetProperty("failure").GetString()!;
            Assert.Contains("no-such-reclaim", failure, StringComparison.Ordinal);
            Assert.Contains("unknown", report.RootElement.GetProperty("peers")[0].GetProperty("version").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AMissingCPython_IsSkippedWithAWarning()
    {
        string reclaim = Interpreter("reclaim", "echo '#reclaim-bench timed_ms=1'");

        (int exit, JsonDocument report, string error) = Run("--reps", "1", "--programs", Programs("nbody"), "--reclaim", reclaim,
            "--cpython", Path.Combine(_folder, "no-such-python"));

        using (report)
        {
            Assert.Equal(0, exit);
            Assert.Contains("cpython is skipped", error, StringComparison.Ordinal);
            JsonElement cpython = report.RootElement.GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "cpython");
            Assert.False(cpython.GetProperty("available").GetBoolean());
            Assert.Single(report.RootElement.GetProperty("rows")[0].GetProperty("sides").EnumerateArray());
        }
    }
}
