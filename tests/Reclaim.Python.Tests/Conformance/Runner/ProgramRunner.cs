namespace Reclaim.Python.Tests.Conformance.Runner;

/// <summary>Runs one conformance program in-process through <see cref="PythonHost.Run"/>, on its own thread, with a time limit.</summary>
internal static class ProgramRunner
{
    /// <summary>Generous: the slowest program takes milliseconds under CPython; only a hang gets near this.</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>The .NET stack of the program's thread: deep Python recursion must fail with RecursionError, not overflow.</summary>
    private const int StackBytes = 64 * 1024 * 1024;

    /// <summary>Runs a program the way <c>python3 NAME.py</c> runs it, in an empty working directory of its own.</summary>
    /// <param name="path">The program's path.</param>
    /// <returns>Its masked outcome. A .NET exception escaping the host or a hang is reported as exit status -1 with the reason on stderr.</returns>
    public static ConformanceOutcome Run(string path)
    {
        string source = File.ReadAllText(path);
        string name = Path.GetFileName(path);
        StringWriter stdout = new() { NewLine = "\n" };
        StringWriter stderr = new() { NewLine = "\n" };
        int exit = -1;
        Exception? crash = null;

        // Each program gets an empty directory of its own for the files it opens, as the regeneration script gives python3.
        string workingDirectory = Directory.CreateTempSubdirectory("reclaim-conformance-").FullName;
        Thread thread = new(() =>
        {
            try
            {
                exit = PythonHost.Run(source, name, [name], stdout, stderr, TextReader.Null, workingDirectory);
            }
            catch (Exception exception)
            {
                crash = exception;
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = $"conformance {name}",
        };
        thread.Start();
        bool finished = thread.Join(TimeLimit);
        if (finished)
        {
            Directory.Delete(workingDirectory, recursive: true);
        }

        if (!finished)
        {
            return new ConformanceOutcome(-1, "", $"timed out after {TimeLimit.TotalSeconds} s\n");
        }

        if (crash is not null)
        {
            return new ConformanceOutcome(-1, OutputMask.Apply(stdout.ToString()), $"the host threw {crash.GetType().Name}: {crash.Message}\n");
        }

        return new ConformanceOutcome(exit, OutputMask.Apply(stdout.ToString()), OutputMask.Apply(stderr.ToString()));
    }
}
