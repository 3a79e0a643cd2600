using System.Globalization;

namespace Reclaim.Cli.Bench.Python;

/// <summary>The options of <c>reclaim bench --python</c>.</summary>
/// <param name="Json">Print the report as JSON instead of a table.</param>
/// <param name="Quick">Run every program at its <c>--quick</c> size.</param>
/// <param name="Repetitions">Measured runs per program and side.</param>
/// <param name="Only">The programs to run (file names without <c>.py</c>); empty for all of them.</param>
/// <param name="Reclaim">The <c>reclaim</c> executable to run programs with; <see langword="null"/> to find it (native first).</param>
/// <param name="CPython">The CPython interpreter; <see langword="null"/> to skip CPython.</param>
/// <param name="PyPy">The PyPy interpreter; <see langword="null"/> to skip PyPy.</param>
/// <param name="Programs">The folder of programs; <see langword="null"/> to find <c>benchmarks/python</c>.</param>
public sealed record PythonBenchOptions(
    bool Json,
    bool Quick,
    int Repetitions,
    IReadOnlyList<string> Only,
    string? Reclaim,
    string? CPython,
    string? PyPy,
    string? Programs)
{
    /// <summary>The usage text of the command.</summary>
    public const string Usage = """
        reclaim bench --python [--quick] [--json] [--reps N] [--only NAME[,NAME...]]
                      [--reclaim PATH] [--cpython PATH | --no-cpython] [--pypy PATH | --no-pypy] [--programs DIR]
          Runs every program of benchmarks/python under `reclaim run` (the native executable of
          scripts/publish-native.sh when present), python3 and pypy3 (when installed), one after the other,
          repetition by repetition, each run a fresh process. Prints the median whole-process time and the
          program's own timed region (gc.collect() alone for gc_collect and gc_traversal), the ratio against each
          peer (peer ÷ reclaim: higher is better), peak memory per side, start-up, and each target's status.
          A side that fails a program is reported as "failed: <reason>" for that program.
          --quick        the programs' smaller sizes and 3 repetitions
          --json         print the report as JSON
          --reps N       measured runs per program and side (default 5, quick 3)
          --only NAMES   only these programs (comma-separated, without .py)
          --reclaim PATH the reclaim executable (default: artifacts/native/reclaim, else this CLI)
          --cpython PATH the CPython interpreter (default python3); --no-cpython skips it
          --pypy PATH    the PyPy interpreter (default pypy3 when installed); --no-pypy skips it
          --programs DIR the folder of programs (default: benchmarks/python)
        Exit codes: 0 every side ran every program, 1 a side failed a program, 2 bad command line.
        """;

    /// <summary>Parses the arguments after <c>bench</c> (the <c>--python</c> switch itself is accepted anywhere).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="problem">What was wrong, when parsing fails.</param>
    /// <returns>The options, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static PythonBenchOptions? Parse(IReadOnlyList<string> args, out string problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool json = false;
        bool quick = false;
        int? repetitions = null;
        List<string> only = [];
        string? reclaim = null;
        string? cpython = "python3";
        string? pypy = "pypy3";
        string? programs = null;
        problem = "";
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            switch (option)
            {
                case "--python":
                    break;
                case "--json":
                    json = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--no-cpython":
                    cpython = null;
                    break;
                case "--no-pypy":
                    pypy = null;
                    break;
                case "--reps" or "--only" or "--reclaim" or "--cpython" or "--pypy" or "--programs":
                    if (i + 1 == args.Count || args[i + 1].Length == 0)
                    {
                        problem = $"option '{option}' needs a value.";
                        return null;
                    }

                    string value = args[++i];
                    switch (option)
                    {
                        case "--reps":
                            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int reps) || reps is < 1 or > 100)
                            {
                                problem = $"'--reps {value}': the number of repetitions must be a whole number from 1 to 100.";
                                return null;
                            }

                            repetitions = reps;
                            break;
                        case "--only":
                            string[] names = value.Split(',', StringSplitOptions.TrimEntries);
                            if (names.Any(n => n.Length == 0))
                            {
                                problem = $"'--only {value}': an empty program name.";
                                return null;
                            }

                            only.AddRange(names.Select(n => n.EndsWith(".py", StringComparison.Ordinal) ? n[..^3] : n));
                            break;
                        case "--reclaim":
                            reclaim = value;
                            break;
                        case "--cpython":
                            cpython = value;
                            break;
                        case "--pypy":
                            pypy = value;
                            break;
                        default:
                            programs = value;
                            break;
                    }

                    break;
                default:
                    problem = $"unknown option '{option}' for --python. Options: --quick, --json, --reps N, --only NAMES, "
                        + "--reclaim PATH, --cpython PATH, --no-cpython, --pypy PATH, --no-pypy, --programs DIR.";
                    return null;
            }
        }

        return new PythonBenchOptions(json, quick, repetitions ?? (quick ? 3 : 5), only, reclaim, cpython, pypy, programs);
    }
}
