using System.Diagnostics;

namespace Reclaim.Tests.Cli;

/// <summary>
/// Ctrl-C under <c>reclaim run</c>: a real child process of the built CLI is sent SIGINT (<c>kill -INT</c>), as a
/// terminal would. The program tells the test when it is ready for each signal, so nothing here depends on timing; the
/// time limits only stop a hung child.
/// </summary>
public sealed class RunInterruptTests : IDisposable
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(120);

    private readonly string _directory = Directory.CreateTempSubdirectory("reclaim-interrupt-").FullName;

    [Fact]
    public void SigInt_RaisesKeyboardInterrupt_InLoopsSleepAndCalls_AndUncaughtExitsWith130()
    {
        string program = Path.Combine(_directory, "interrupted.py");
        File.WriteAllText(program, """
            import time

            def one():
                return 1

            def forever():
                while True:
                    yield 1

            print("ready", flush=True)
            try:
                while True:
                    pass
            except KeyboardInterrupt as e:
                print("loop", repr(e), flush=True)
            try:
                time.sleep(3600)
            except KeyboardInterrupt:
                print("sleep", flush=True)
            try:
                for _ in forever():
                    one()
            except KeyboardInterrupt:
                print("for", flush=True)
            total = 0
            while True:
                total += one()
            """);
        using Process child = Start(program);

        List<string> lines = [];
        while (child.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
            if (lines.Count <= 4)
            {
                Interrupt(child);
            }
        }

        Assert.True(child.WaitForExit(HangLimit), "reclaim run did not end after SIGINT");
        string stderr = child.StandardError.ReadToEnd();
        Assert.Equal(["ready", "loop KeyboardInterrupt()", "sleep", "for"], lines);
        Assert.Equal(130, child.ExitCode);
        Assert.StartsWith("Traceback (most recent call last):", stderr, StringComparison.Ordinal);
        Assert.EndsWith("KeyboardInterrupt\n", stderr.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Process Start(string program)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "Reclaim.Cli.dll");
        ProcessStartInfo start = new("dotnet")
        {
            ArgumentList = { cli, "run", program },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("could not start reclaim run");
    }

    private static void Interrupt(Process child)
    {
        using Process kill = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(kill.WaitForExit(HangLimit), "kill did not finish");
    }
}
