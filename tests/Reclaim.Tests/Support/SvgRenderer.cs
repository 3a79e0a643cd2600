using System.Diagnostics;

namespace Reclaim.Tests.Support;

/// <summary>
/// Renders SVG to PNG with rsvg-convert (Debian's librsvg2-bin). When the tool is missing, the repository's own
/// <c>scripts/install-svg-renderer.sh</c> installs it first: nothing has to be set up by hand.
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

    private static string Locate()
    {
        if (FindOnPath("rsvg-convert") is { } found)
        {
            return found;
        }

        string script = Path.Combine(RepositoryRoot(), "scripts", "install-svg-renderer.sh");
        Run("bash", [script], TimeSpan.FromMinutes(8));
        return FindOnPath("rsvg-convert") ?? throw new InvalidOperationException($"{script} ran but rsvg-convert is still not on PATH.");
    }

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

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reclaim.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Reclaim.slnx above {AppContext.BaseDirectory}: cannot find scripts/install-svg-renderer.sh.");
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
