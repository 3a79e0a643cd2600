namespace Reclaim.Cli.Bench.Python;

/// <summary>Finds the three sides: <c>reclaim</c> (native first), CPython and PyPy (the real binaries, not shims).</summary>
public static class PeerLocator
{
    /// <summary>Where <c>scripts/publish-native.sh</c> puts the native executable, under the repository root.</summary>
    public static readonly string NativeRelativePath = Path.Combine("artifacts", "native", "reclaim");

    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The reclaim side: <paramref name="explicitPath"/>, else the native build, else this CLI itself.</summary>
    /// <param name="explicitPath">The <c>--reclaim</c> option, or <see langword="null"/>.</param>
    /// <returns>The side; its version line says which build it is, or why <c>--version</c> failed.</returns>
    public static Peer Reclaim(string? explicitPath)
    {
        string fileName;
        List<string> prefix = [];
        string build;
        if (explicitPath is not null)
        {
            (fileName, build) = (explicitPath, "given");
        }
        else if (ProgramCatalog.RepositoryPath(NativeRelativePath, File.Exists) is { } native)
        {
            (fileName, build) = (native, "native");
        }
        else if (ManagedAppHost() is { } appHost)
        {
            (fileName, build) = (appHost, "managed");
        }
        else
        {
            fileName = "dotnet";
            prefix.Add(Path.Combine(AppContext.BaseDirectory, "Reclaim.Cli.dll"));
            build = "managed";
        }

        string version = ChildProcess.Probe(fileName, [.. prefix, "--version"], s_probeTimeout, out string output)
            ? output.Trim()
            : "unknown (" + output + ")";
        prefix.Add("run");
        return new Peer("reclaim", fileName, prefix, $"reclaim {version} ({build}: {fileName})");
    }

    /// <summary>A Python interpreter by command, resolved to the binary <c>sys.executable</c> names (pyenv's shims cost a shell each start).</summary>
    /// <param name="name">"cpython" or "pypy".</param>
    /// <param name="command">The command to try.</param>
    /// <param name="problem">Why it cannot be used, when it cannot.</param>
    /// <returns>The side, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static Peer? Python(string name, string command, out string problem)
    {
        const string Probe = "import sys; print(sys.executable); print(sys.version.replace('\\n', ' '))";
        if (!ChildProcess.Probe(command, ["-c", Probe], s_probeTimeout, out string output))
        {
            problem = $"'{command}' cannot be run: {output}";
            return null;
        }

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            problem = $"'{command}' did not say where it is and what version it is (it printed '{output.Trim()}')";
            return null;
        }

        problem = "";
        string executable = File.Exists(lines[0]) ? lines[0] : command;
        return new Peer(name, executable, [], lines[1]);
    }

    private static string? ManagedAppHost()
    {
        // The apphost the SDK writes next to Reclaim.Cli.dll; when this process is that apphost (or the native
        // executable under another name), running it again is the cheapest way to start the same build.
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) is "Reclaim.Cli" or "reclaim")
        {
            return current;
        }

        string beside = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Reclaim.Cli.exe" : "Reclaim.Cli");
        return File.Exists(beside) ? beside : null;
    }
}
