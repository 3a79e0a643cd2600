using System.Diagnostics;

namespace Reclaim.Cli.Demo.Python;

/// <summary>
/// CPython 3.11's outcome for a seed program: <c>python3</c> run now when it is CPython 3.11 and on the PATH,
/// otherwise the outcome recorded beside the program (<c>NAME.expected</c>, written by <c>scripts/regen-conformance.py</c>).
/// </summary>
public static class CPythonOracle
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);
    private static readonly Lazy<bool> LiveAvailable = new(IsPython311OnPath);

    /// <summary>CPython's outcome and where it came from.</summary>
    /// <param name="program">The seed program.</param>
    /// <param name="source">"python3" when run now, "recorded" when read from the <c>.expected</c> file, "none" when neither exists.</param>
    /// <returns>The outcome, or <see langword="null"/> when neither source is available.</returns>
    public static ProgramOutcome? Outcome(PythonSeedProgram program, out string source)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (LiveAvailable.Value && RunPython(program) is { } live)
        {
            source = "python3";
            return live;
        }

        string expected = Path.ChangeExtension(program.Path, ".expected");
        source = File.Exists(expected) ? "recorded" : "none";
        return File.Exists(expected) ? ProgramOutcome.ParseExpected(File.ReadAllText(expected)) : null;
    }

    private static ProgramOutcome? RunPython(PythonSeedProgram program)
    {
        ProcessStartInfo start = new("python3") { WorkingDirectory = PythonSeedProgram.Directory };
        start.ArgumentList.Add("-X");
        start.ArgumentList.Add("utf8");
        start.ArgumentList.Add(program.FileName);
        (int Exit, string Stdout, string Stderr)? run = Run(start);
        if (run is not { } result)
        {
            return null;
        }

        // CPython shows the script's absolute path in tracebacks; the recorded form uses the file name.
        string stderr = result.Stderr.Replace(program.Path, program.FileName, StringComparison.Ordinal);
        return ProgramOutcome.Masked(result.Exit, result.Stdout, stderr);
    }

    private static bool IsPython311OnPath()
    {
        ProcessStartInfo start = new("python3");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys; print(sys.implementation.name, sys.version_info[:2] == (3, 11))");
        return Run(start) is { Exit: 0 } result && result.Stdout.Trim() == "cpython True";
    }

    private static (int Exit, string Stdout, string Stderr)? Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        try
        {
            using Process process = Process.Start(start)!;
            process.StandardInput.Close();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeLimit))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No python3 on this machine.
            return null;
        }
    }
}
