using Reclaim.Python;

namespace Reclaim.Cli.Demo.Python;

/// <summary>Runs each seed program in-process under <c>reclaim run</c>'s host and judges it against CPython 3.11.</summary>
public static class PythonSeedRunner
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>The .NET stack of the program's thread, so deep Python recursion meets RecursionError first.</summary>
    private const int StackBytes = 64 * 1024 * 1024;

    /// <summary>Runs every seed program.</summary>
    /// <returns>One row per program.</returns>
    public static IReadOnlyList<PythonDemoRow> RunAll() => [.. PythonSeedProgram.All.Select(RunOne)];

    /// <summary>Runs one seed program. A missing file, a hang or a .NET exception from the host is a failed row saying so.</summary>
    /// <param name="program">The program.</param>
    /// <returns>Its row.</returns>
    public static PythonDemoRow RunOne(PythonSeedProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (!File.Exists(program.Path))
        {
            return new PythonDemoRow(program.Seed, program.FileName, program.Original, $"the program is missing: {program.Path}", "none", false);
        }

        ProgramOutcome reclaim = RunInProcess(program);
        ProgramOutcome? cpython = CPythonOracle.Outcome(program, out string oracle);
        bool passed = cpython is not null && cpython == reclaim;
        return new PythonDemoRow(program.Seed, program.FileName, program.Original, reclaim.Summary(), oracle, passed);
    }

    private static ProgramOutcome RunInProcess(PythonSeedProgram program)
    {
        string source = File.ReadAllText(program.Path);
        StringWriter stdout = new() { NewLine = "\n" };
        StringWriter stderr = new() { NewLine = "\n" };
        int exit = -1;
        Exception? crash = null;
        Thread thread = new(() =>
        {
            try
            {
                exit = PythonHost.Run(source, program.FileName, [program.FileName], stdout, stderr);
            }
            catch (Exception exception)
            {
                crash = exception;
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = $"reclaim run {program.FileName}",
        };
        thread.Start();
        if (!thread.Join(TimeLimit))
        {
            return new ProgramOutcome(-1, "", $"timed out after {TimeLimit.TotalSeconds} s\n");
        }

        return crash is null
            ? ProgramOutcome.Masked(exit, stdout.ToString(), stderr.ToString())
            : new ProgramOutcome(-1, "", $"the host threw {crash.GetType().Name}: {crash.Message}\n");
    }
}
