using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Reclaim.Cli.Bench;

/// <summary>
/// Runs the CPython side of a shape: <c>benchmarks/cpython/shapes.py</c> in a fresh <c>python3</c> process per
/// repetition, so each repetition starts from an empty heap exactly as the Reclaim side's fresh runtime does.
/// </summary>
public sealed class CPythonRunner
{
    /// <summary>The script's file name, next to the CLI (copied at build) or under <c>benchmarks/cpython</c> in the repository.</summary>
    public const string ScriptName = "shapes.py";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    private readonly string _python;
    private readonly string _script;

    private CPythonRunner(string python, string script, string version)
    {
        _python = python;
        _script = script;
        Version = version;
    }

    /// <summary>The interpreter's version, as <c>python3 --version</c> prints it.</summary>
    public string Version { get; }

    /// <summary>Shapes that have a CPython side.</summary>
    public static IReadOnlySet<int> Shapes { get; } = new HashSet<int> { 1, 2, 3, 5, 6, 7, 9 };

    /// <summary>Finds the interpreter and the script.</summary>
    /// <param name="python">The interpreter to run.</param>
    /// <param name="problem">Why CPython cannot be run, when it cannot.</param>
    /// <returns>A runner, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static CPythonRunner? TryCreate(string python, out string problem)
    {
        string? script = FindScript();
        if (script is null)
        {
            problem = $"the CPython script {ScriptName} was found neither next to the CLI nor under benchmarks/cpython";
            return null;
        }

        try
        {
            (int exit, string stdout, string stderr) = RunProcess(python, ["--version"]);
            if (exit != 0)
            {
                problem = $"'{python} --version' failed with exit code {exit}: {stderr.Trim()}";
                return null;
            }

            problem = "";
            return new CPythonRunner(python, script, (stdout + stderr).Trim());
        }
        catch (Win32Exception exception)
        {
            problem = $"'{python}' could not be started ({exception.Message})";
            return null;
        }
    }

    /// <summary>Runs one repetition of one shape.</summary>
    /// <param name="shape">A shape in <see cref="Shapes"/>.</param>
    /// <param name="scale">The same scale as the Reclaim side.</param>
    /// <returns>The figures by key, the same keys as <see cref="ReclaimShapes"/> uses.</returns>
    /// <exception cref="InvalidOperationException">The script failed or printed something other than its figures.</exception>
    public IReadOnlyDictionary<string, double> Run(int shape, double scale)
    {
        (int exit, string stdout, string stderr) = RunProcess(
            _python,
            [_script, shape.ToString(CultureInfo.InvariantCulture), scale.ToString("R", CultureInfo.InvariantCulture)]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"CPython shape {shape} failed with exit code {exit}: {stderr.Trim()}");
        }

        string line = stdout.Trim().Split('\n')[^1];
        Dictionary<string, double> figures = [];
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    figures[property.Name] = property.Value.GetDouble();
                }
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"CPython shape {shape} printed '{line}', not its figures: {exception.Message}", exception);
        }

        return figures;
    }

    private static string? FindScript()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "cpython", ScriptName);
        if (File.Exists(beside))
        {
            return beside;
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "benchmarks", "cpython", ScriptName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static (int Exit, string Stdout, string Stderr) RunProcess(string fileName, IReadOnlyList<string> arguments)
    {
        ProcessStartInfo start = new(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"'{fileName}' did not start.");

        // Both streams are read concurrently: a child that fills one pipe while we wait on the other would block forever.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{fileName}' did not finish within {s_timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
