using Reclaim.Cli.Bench;
using Reclaim.Cli.Demo;

namespace Reclaim.Cli;

/// <summary>Parses the <c>reclaim</c> command line and dispatches to a command.</summary>
public static class CommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        reclaim — deterministic object lifetimes for .NET

        Usage:
          reclaim demo [--json]   Replay every implemented seed post-mortem through Reclaim and judge it.
                                  --json  print a JSON array of {seed, scenario, original, reclaim, passed}
          reclaim bench [--quick] [--json] [...]
                                  Run the nine benchmark shapes in Reclaim and CPython 3.11 side by side;
                                  'reclaim bench --help' lists the options.
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

        if (args[0] == "demo")
        {
            bool json = false;
            foreach (string option in args.Skip(1))
            {
                if (option == "--json")
                {
                    json = true;
                }
                else
                {
                    error.WriteLine($"reclaim demo: unknown option '{option}'. Options: --json.");
                    return 2;
                }
            }

            return DemoCommand.Execute(json, output);
        }

        if (args[0] == "bench")
        {
            if (args.Skip(1).Any(a => a is "--help" or "-h"))
            {
                output.WriteLine(BenchOptions.Usage);
                return 0;
            }

            BenchOptions? options = BenchOptions.Parse([.. args.Skip(1)], out string problem);
            if (options is null)
            {
                error.WriteLine($"reclaim bench: {problem}");
                return 2;
            }

            return BenchCommand.Execute(options, output, error);
        }

        error.WriteLine($"reclaim: unknown command '{args[0]}'. Run 'reclaim --help' for the commands.");
        return 2;
    }
}
