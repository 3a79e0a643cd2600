using Reclaim.Python.Interpreter;

namespace Reclaim.Python;

/// <summary>
/// The one entry point for running Python source on Reclaim: the CLI's <c>reclaim run</c> and the conformance
/// suite both go through it, so what the tests see is what a user sees.
/// </summary>
public static class PythonHost
{
    /// <summary>
    /// Ctrl-C: asks the running program for a <c>KeyboardInterrupt</c>, raised at its next safe point (a loop's next
    /// iteration, a call, or at once in <c>time.sleep</c>). Safe to call from a signal handler's thread. An uncaught
    /// interrupt ends <see cref="Run(string, string, IReadOnlyList{string}, TextWriter, TextWriter)"/> with status 130.
    /// </summary>
    public static void Interrupt() => Interpreter.Interrupts.Request();

    /// <summary>
    /// Runs <paramref name="source"/> as the <c>__main__</c> module and shuts its runtime down as CPython's
    /// <c>Py_FinalizeEx</c> does.
    /// </summary>
    /// <param name="source">The program text.</param>
    /// <param name="fileName">The name tracebacks and <c>sys.argv[0]</c> show (<c>-c</c> or <c>&lt;stdin&gt;</c> for those modes).</param>
    /// <param name="argv">The full <c>sys.argv</c>.</param>
    /// <param name="stdout">Where <c>sys.stdout</c> writes.</param>
    /// <param name="stderr">Where <c>sys.stderr</c> writes (tracebacks, unraisable reports).</param>
    /// <returns>The process exit status CPython would give.</returns>
    public static int Run(string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr) =>
        Run(source, fileName, argv, stdout, stderr, TextReader.Null);

    /// <summary>As <see cref="Run(string, string, IReadOnlyList{string}, TextWriter, TextWriter)"/>, with <c>sys.stdin</c>.</summary>
    /// <param name="source">The program text.</param>
    /// <param name="fileName">The name tracebacks and <c>sys.argv[0]</c> show.</param>
    /// <param name="argv">The full <c>sys.argv</c>.</param>
    /// <param name="stdout">Where <c>sys.stdout</c> writes.</param>
    /// <param name="stderr">Where <c>sys.stderr</c> writes.</param>
    /// <param name="stdin">Where <c>input()</c> reads.</param>
    /// <returns>The process exit status CPython would give.</returns>
    public static int Run(string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr, TextReader stdin) =>
        Run(source, fileName, argv, stdout, stderr, stdin, workingDirectory: null);

    /// <summary>
    /// As <see cref="Run(string, string, IReadOnlyList{string}, TextWriter, TextWriter, TextReader)"/>, with the directory
    /// relative paths given to <c>open()</c> start from: several programs can run in one process, each in a directory
    /// of its own, without changing the process's current directory.
    /// </summary>
    /// <param name="source">The program text.</param>
    /// <param name="fileName">The name tracebacks and <c>sys.argv[0]</c> show.</param>
    /// <param name="argv">The full <c>sys.argv</c>.</param>
    /// <param name="stdout">Where <c>sys.stdout</c> writes.</param>
    /// <param name="stderr">Where <c>sys.stderr</c> writes.</param>
    /// <param name="stdin">Where <c>input()</c> and <c>sys.stdin</c> read.</param>
    /// <param name="workingDirectory">The program's working directory; null for the process's current directory.</param>
    /// <returns>The process exit status CPython would give.</returns>
    public static int Run(string source, string fileName, IReadOnlyList<string> argv, TextWriter stdout, TextWriter stderr, TextReader stdin, string? workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(stdin);
        return PythonThread.Run(() => MainModule.Run(source, fileName, argv, stdout, stderr, stdin, workingDirectory));
    }
}
