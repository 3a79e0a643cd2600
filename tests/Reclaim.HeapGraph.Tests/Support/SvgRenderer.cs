using System.Diagnostics;

namespace Reclaim.HeapGraph.Tests.Support;

/// <summary>
/// Renders SVG to PNG with rsvg-convert (Debian's librsvg2-bin). Tests never install anything: when the tool is
/// missing they fail saying so, and <c>scripts/install-svg-renderer.sh</c> (which <c>.ci/run</c> calls before the
/// tests) installs it.
/// </summary>
internal static class SvgRenderer
{
    private static readonly Lazy<string> s_tool = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static byte[] RenderPng(string svg)
    {
        string directory = Directory.CreateTempSubdirectory("reclaim-svg-").FullName;
        try
        {
            string input = Path.Combine(directory, "picture.svg");
            string output = Path.Combine(directory, "picture.png");
            File.WriteAllText(input, svg);
            Run(s_tool.Value, ["--format", "png", "--output", output, input], TimeSpan.FromMinutes(1));
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Locate() =>
        FindOnPath("rsvg-convert")
        ?? throw new InvalidOperationException(
            "rsvg-convert (Debian package librsvg2-bin) is not on PATH; run scripts/install-svg-renderer.sh once (.ci/run does) and run the tests again.");

    private static string? FindOnPath(string tool)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Run(string fileName, string[] arguments, TimeSpan limit)
    {
        ProcessStartInfo start = new(fileName, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
