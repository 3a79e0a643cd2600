using System.Diagnostics;
using System.Text.Json;

namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// CPython 3.11's answers, computed at test time: one python3 process runs <c>cpython_ast.py</c> over a whole batch
/// of files and returns each file's <c>ast.dump(..., include_attributes=True)</c> or its syntax error.
/// </summary>
internal static class CPythonOracle
{
    private static readonly Lazy<string> StdlibPath = new(() => Run("-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Trim());

    /// <summary>The directory of the local CPython's standard library.</summary>
    public static string Stdlib => StdlibPath.Value;

    /// <summary>CPython's result for each of <paramref name="paths"/>.</summary>
    /// <param name="paths">Source files.</param>
    /// <returns>Results keyed by path.</returns>
    public static Dictionary<string, ParseOutcome> Describe(IReadOnlyList<string> paths)
    {
        string list = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(list, paths);
            string helper = Path.Combine(AppContext.BaseDirectory, "Syntax", "cpython_ast.py");
            string output = Run(helper, list);
            var results = new Dictionary<string, ParseOutcome>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using JsonDocument document = JsonDocument.Parse(line);
                JsonElement root = document.RootElement;
                string path = root.GetProperty("path").GetString()!;
                if (root.TryGetProperty("dump", out JsonElement dump))
                {
                    results[path] = new ParseOutcome(dump.GetString(), null);
                }
                else
                {
                    JsonElement error = root.GetProperty("error");
                    results[path] = new ParseOutcome(null, new ErrorOutcome(
                        error.GetProperty("type").GetString()!,
                        error.GetProperty("msg").GetString()!,
                        error.GetProperty("lineno").ValueKind == JsonValueKind.Number ? error.GetProperty("lineno").GetInt32() : 0,
                        error.GetProperty("offset").ValueKind == JsonValueKind.Number ? error.GetProperty("offset").GetInt32() : 0));
                }
            }

            return results;
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 failed ({process.ExitCode}): {error.Result}");
        }

        return output;
    }
}

/// <summary>What parsing one source gave: a dump, or an error.</summary>
/// <param name="Dump">The dump with attributes, when it parsed.</param>
/// <param name="Error">The error, when it did not.</param>
internal sealed record ParseOutcome(string? Dump, ErrorOutcome? Error);

/// <summary>A syntax error's type, message, line and offset.</summary>
/// <param name="Type">Exception class name.</param>
/// <param name="Message">Message.</param>
/// <param name="Line">Line.</param>
/// <param name="Offset">Offset (1-based column).</param>
internal sealed record ErrorOutcome(string Type, string Message, int Line, int Offset);
