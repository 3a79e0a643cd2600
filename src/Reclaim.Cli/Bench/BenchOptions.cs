using System.Globalization;

namespace Reclaim.Cli.Bench;

/// <summary>The options of <c>reclaim bench</c>.</summary>
/// <param name="Json">Print a JSON array of rows instead of a table.</param>
/// <param name="Scale">Multiplies every object count; 1 is the published run.</param>
/// <param name="Repetitions">Measured runs per side and shape.</param>
/// <param name="Shapes">The shapes to run, in order.</param>
/// <param name="CPython">The CPython interpreter; <see langword="null"/> to skip the CPython side.</param>
public sealed record BenchOptions(bool Json, double Scale, int Repetitions, IReadOnlyList<int> Shapes, string? CPython)
{
    /// <summary>The usage text of the command.</summary>
    public const string Usage = """
        reclaim bench [--quick] [--json] [--reps N] [--shape N[,N...]] [--cpython PATH | --no-cpython]
          Runs the nine benchmark shapes in Reclaim and in CPython (python3 with benchmarks/cpython/shapes.py),
          alternating, and prints medians and ratios (CPython ÷ Reclaim; higher is better). Build in Release.
          --quick        a tenth of the objects, 3 repetitions (under a minute)
          --json         print a JSON array of {shape, name, reclaim, cpython, unit, ratio, required, target, met, repetitions}
          --reps N       measured runs per side and shape (default 5, quick 3)
          --shape N,...  only these shapes (1-9)
          --scale F      multiply every object count by F (default 1, quick 0.1)
          --cpython PATH the interpreter to compare with (default python3); --no-cpython skips CPython

        reclaim bench --python [...]
          Runs the Python programs of benchmarks/python under `reclaim run`, python3 and pypy3 instead;
          'reclaim bench --python --help' lists its options.
        """;

    /// <summary>Parses the arguments after <c>bench</c>.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="problem">What was wrong, when parsing fails.</param>
    /// <returns>The options, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out string problem)
    {
        bool json = false;
        bool quick = false;
        double? scale = null;
        int? repetitions = null;
        List<int>? shapes = null;
        string? python = "python3";
        problem = "";
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            switch (option)
            {
                case "--json":
                    json = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--no-cpython":
                    python = null;
                    break;
                case "--cpython" or "--reps" or "--scale" or "--shape":
                    if (i + 1 == args.Count)
                    {
                        problem = $"option '{option}' needs a value.";
                        return null;
                    }

                    string value = args[++i];
                    if (!ParseValue(option, value, ref python, ref repetitions, ref scale, ref shapes, out problem))
                    {
                        return null;
                    }

                    break;
                default:
                    problem = $"unknown option '{option}'. Options: --quick, --json, --reps N, --shape N[,N...], --scale F, --cpython PATH, --no-cpython (and --python for the Python programs).";
                    return null;
            }
        }

        return new BenchOptions(
            json,
            scale ?? (quick ? 0.1 : 1.0),
            repetitions ?? (quick ? 3 : 5),
            shapes ?? [.. Enumerable.Range(1, 9)],
            python);
    }

    private static bool ParseValue(string option, string value, ref string? python, ref int? repetitions, ref double? scale, ref List<int>? shapes, out string problem)
    {
        problem = "";
        switch (option)
        {
            case "--cpython":
                python = value;
                return true;
            case "--reps":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int reps) || reps is < 1 or > 100)
                {
                    problem = $"'--reps {value}': the number of repetitions must be a whole number from 1 to 100.";
                    return false;
                }

                repetitions = reps;
                return true;
            case "--scale":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double factor) || !(factor > 0 && factor <= 10))
                {
                    problem = $"'--scale {value}': the scale must be a number above 0 and at most 10.";
                    return false;
                }

                scale = factor;
                return true;
            default:
                shapes = [];
                foreach (string part in value.Split(','))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int shape) || shape is < 1 or > 9)
                    {
                        problem = $"'--shape {value}': shapes are numbered 1 to 9, got '{part}'.";
                        return false;
                    }

                    shapes.Add(shape);
                }

                return true;
        }
    }
}
