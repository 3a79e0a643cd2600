using Reclaim.Cli.Bench;
using Reclaim.Cli.Bench.Python;
using Reclaim.Cli.Demo;
using Reclaim.Cli.Graph;
using Reclaim.Cli.Parse;
using Reclaim.Cli.Run;

namespace Reclaim.Cli;

/// <summary>Parses the <c>reclaim</c> command line and dispatches to a command.</summary>
public static class CommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        reclaim — deterministic object lifetimes for .NET

        Usage:
          reclaim demo [--json] [--graphs DIR]
                                  Replay every implemented seed post-mortem through Reclaim and judge it.
                                  --json         print a JSON array of {seed, scenario, original, reclaim, passed}
                                  --graphs DIR   also draw each scenario's heap (SVG + DOT) into DIR
          reclaim graph --out DIR [--json]
                                  Draw each seed scenario's heap, right before the collection that matters,
                                  as SVG (laid out by Reclaim, no Graphviz needed) and Graphviz DOT, with the
                                  why-alive chain of the object the scenario is about.
                                  --json         print a JSON array of {seed, scenario, moment, objects, dot, svg, whyAlive, passed}
          reclaim bench [--quick] [--json] [...]
                                  Run the nine benchmark shapes in Reclaim and CPython 3.11 side by side;
                                  'reclaim bench --help' lists the options.
          reclaim run FILE|-c CODE|- [ARGS...]
                                  Run a Python 3.11 program with CPython's object lifecycle (refcounts,
                                  __del__, weakref callbacks, gc) on Reclaim; exit status as CPython's.
          reclaim parse FILE|- [--attributes] [--json]
                                  Parse Python 3.11 source and print ast.dump(ast.parse(source)) exactly as
                                  CPython 3.11 does; syntax errors in CPython's format on stderr (exit 1).
                                  --attributes   include positions (ast.dump(..., include_attributes=True))
                                  --json         print the tree as JSON for tools
          reclaim parse --batch LISTFILE
                                  Parse every file listed (one path a line); print one JSON line per file
                                  ({path, dump} with attributes, or {path, error}) for scripts/parse-lib.py.
          reclaim bench --parse [--quick]
                                  Parse all of CPython's Lib/ in Reclaim and in CPython (ast.parse) and print
                                  both times, the ratio and peak memory.
          reclaim bench --python [--quick] [--json] [--only NAME[,NAME...]] [...]
                                  Run the Python programs of benchmarks/python under `reclaim run`, python3
                                  and pypy3, side by side; 'reclaim bench --python --help' lists the options.
          reclaim --help          Show this text.
          reclaim --version       Show the version.

        Exit codes: 0 success, 1 a scenario or benchmark shape failed, 2 bad command line.
        """;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }

        if (args[0] == "--version")
        {
            output.WriteLine(typeof(Runtime).Assembly.GetName().Version?.ToString(3) ?? "unknown");
            return 0;
        }

        return args[0] switch
        {
            "demo" => RunDemo(args, error, output),
            "graph" => RunGraph(args, error, output),
            "bench" => RunBench(args, error, output),
            "parse" => RunParse(args, error, output),
            "run" => RunCommand.Execute([.. args.Skip(1)], output, error),
            _ => UnknownCommand(args[0], error),
        };
    }

    private static int RunDemo(IReadOnlyList<string> args, TextWriter error, TextWriter output)
    {
        if (!TryParseOptions(args, "demo", ["--json"], ["--graphs"], error, out HashSet<string> flags, out Dictionary<string, string> values))
        {
            return 2;
        }

        string? graphs = values.GetValueOrDefault("--graphs");
        return WithDirectory(graphs, "demo", error, () => DemoCommand.Execute(flags.Contains("--json"), output, graphs));
    }

    private static int RunParse(IReadOnlyList<string> args, TextWriter error, TextWriter output)
    {
        if (args.Count == 3 && args[1] == "--batch")
        {
            return ParseBatch.Execute(args[2], output);
        }

        string[] files = args.Skip(1).Where(a => a == "-" || !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        string[] flags = args.Skip(1).Where(a => a != "-" && a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        string? unknown = flags.FirstOrDefault(f => f is not ("--attributes" or "--json"));
        if (files.Length != 1 || unknown is not null)
        {
            error.WriteLine(unknown is null ? "reclaim parse: give one FILE (or - for stdin)" : $"reclaim parse: unknown option {unknown}");
            return 2;
        }

        return ParseCommand.Execute(files[0], flags.Contains("--attributes"), flags.Contains("--json"), output, error);
    }

    private static int RunBench(IReadOnlyList<string> args, TextWriter error, TextWriter output)
    {
        if (args.Skip(1).Contains("--python"))
        {
            return RunPythonBench(args, error, output);
        }

        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            output.WriteLine(BenchOptions.Usage);
            return 0;
        }

        if (args.Count >= 2 && args[1] == "--parse")
        {
            return ParseBench.Execute("python3", args.Contains("--quick") ? 1 : 3, output, error);
        }

        BenchOptions? options = BenchOptions.Parse([.. args.Skip(1)], out string problem);
        if (options is null)
        {
            error.WriteLine($"reclaim bench: {problem}");
            return 2;
        }

        return BenchCommand.Execute(options, output, error);
    }

    private static int RunPythonBench(IReadOnlyList<string> args, TextWriter error, TextWriter output)
    {
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            output.WriteLine(PythonBenchOptions.Usage);
            return 0;
        }

        PythonBenchOptions? options = PythonBenchOptions.Parse([.. args.Skip(1)], out string problem);
        if (options is null)
        {
            error.WriteLine($"reclaim bench --python: {problem}");
            return 2;
        }

        return PythonBenchCommand.Execute(options, output, error);
    }

    private static int RunGraph(IReadOnlyList<string> args, TextWriter error, TextWriter output)
    {
        if (!TryParseOptions(args, "graph", ["--json"], ["--out"], error, out HashSet<string> flags, out Dictionary<string, string> values))
        {
            return 2;
        }

        if (!values.TryGetValue("--out", out string? directory))
        {
            error.WriteLine("reclaim graph: --out DIR is required: the directory to write the pictures into.");
            return 2;
        }

        return WithDirectory(directory, "graph", error, () => GraphCommand.Execute(directory, flags.Contains("--json"), output));
    }

    /// <summary>A directory that cannot be created or written is a bad argument, reported like one.</summary>
    private static int WithDirectory(string? directory, string command, TextWriter error, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception exception) when (directory is not null && exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"reclaim {command}: cannot write pictures to '{directory}': {exception.Message}");
            return 2;
        }
    }

    /// <summary>Reads <c>--flag</c> and <c>--option VALUE</c> arguments after the command name.</summary>
    private static bool TryParseOptions(
        IReadOnlyList<string> args,
        string command,
        string[] knownFlags,
        string[] knownValues,
        TextWriter error,
        out HashSet<string> flags,
        out Dictionary<string, string> values)
    {
        flags = [];
        values = [];
        for (int i = 1; i < args.Count; i++)
        {
            string option = args[i];
            if (knownFlags.Contains(option))
            {
                flags.Add(option);
            }
            else if (knownValues.Contains(option))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error.WriteLine($"reclaim {command}: {option} needs a directory.");
                    return false;
                }

                values[option] = args[++i];
            }
            else
            {
                string known = string.Join(", ", knownFlags.Concat(knownValues.Select(v => v + " DIR")));
                error.WriteLine($"reclaim {command}: unknown option '{option}'. Options: {known}.");
                return false;
            }
        }

        return true;
    }

    private static int UnknownCommand(string command, TextWriter error)
    {
        error.WriteLine($"reclaim: unknown command '{command}'. Run 'reclaim --help' for the commands.");
        return 2;
    }
}
