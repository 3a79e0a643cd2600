using System.Runtime.InteropServices;
using Reclaim.Python;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Text;

namespace Reclaim.Cli.Run;

/// <summary><c>reclaim run FILE|-c CODE|- [ARGS…]</c>: runs a Python 3.11 program as CPython's command line does.</summary>
internal static class RunCommand
{
    /// <summary>Runs the command; <paramref name="args"/> starts after the word <c>run</c>.</summary>
    /// <param name="args">The program and its arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The exit status CPython would give.</returns>
    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0)
        {
            error.WriteLine("reclaim run: give FILE, -c CODE or - (stdin)");
            return 2;
        }

        string source, fileName;
        List<string> argv;
        if (args[0] == "-c")
        {
            if (args.Count < 2)
            {
                error.WriteLine("Argument expected for the -c option");
                return 2;
            }

            source = args[1];
            fileName = "<string>";
            argv = ["-c", .. args.Skip(2)];
        }
        else if (args[0] == "-")
        {
            using Stream stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            source = Decode(buffer.ToArray(), "<stdin>", error, out bool ok);
            if (!ok)
            {
                return 1;
            }

            fileName = "<stdin>";
            argv = ["-", .. args.Skip(1)];
        }
        else
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(args[0]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                string reason = e is FileNotFoundException or DirectoryNotFoundException ? "[Errno 2] No such file or directory" : e.Message;
                error.WriteLine($"reclaim: can't open file {QuotedPath(args[0])}: {reason}");
                return 2;
            }

            source = Decode(bytes, args[0], error, out bool ok);
            if (!ok)
            {
                return 1;
            }

            fileName = args[0];
            argv = [.. args];
        }

        var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };

        // Ctrl-C becomes KeyboardInterrupt in the program (cancelling the default, which would kill the process).
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            PythonHost.Interrupt();
        });
        try
        {
            return PythonHost.Run(source, fileName, argv, stdout, stderr, Console.In);
        }
        finally
        {
            stdout.Flush();
            _ = output;
        }
    }

    private static string QuotedPath(string path) => "'" + Path.GetFullPath(path) + "'";

    private static string Decode(byte[] bytes, string name, TextWriter error, out bool ok)
    {
        try
        {
            ok = true;
            return SourceDecoder.Decode(bytes);
        }
        catch (PythonSyntaxError e)
        {
            error.Write(e.Format(name));
            ok = false;
            return string.Empty;
        }
    }
}
