namespace Reclaim.Python.Tests.Interpreter;

/// <summary>Runs a program through <see cref="PythonHost"/> and captures what it printed and its exit status.</summary>
internal static class ProgramRun
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Outcome(int Status, string Stdout, string Stderr);

    /// <summary>Runs <paramref name="source"/> as <c>prog.py</c>.</summary>
    public static Outcome Run(string source)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int status = PythonHost.Run(source, "prog.py", ["prog.py"], stdout, stderr);
        return new Outcome(status, stdout.ToString(), stderr.ToString());
    }
}
