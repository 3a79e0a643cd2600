namespace Reclaim.Cli.Bench.Python;

/// <summary>Finds the programs of <c>benchmarks/python</c>: next to the CLI (copied at build) or in the repository.</summary>
public static class ProgramCatalog
{
    /// <summary>The folder's name next to the CLI and its path under the repository root.</summary>
    public const string FolderName = "python";

    private static readonly HashSet<string> s_collector = ["gc_collect", "gc_traversal"];

    private static readonly HashSet<string> s_lifecycle =
        ["del_refcount", "del_cycles", "weakref_callbacks", "weakvalue_cache", "exceptions", "recursion"];

    /// <summary>The kind of a program, by name: the two gc programs, our lifecycle programs, and the rest.</summary>
    /// <param name="name">The file name without <c>.py</c>.</param>
    /// <returns>Its kind.</returns>
    public static ProgramKind KindOf(string name) =>
        s_collector.Contains(name) ? ProgramKind.Collector : s_lifecycle.Contains(name) ? ProgramKind.Lifecycle : ProgramKind.General;

    /// <summary>Lists the programs to run.</summary>
    /// <param name="folder">The folder, or <see langword="null"/> to look for it.</param>
    /// <param name="only">Names to keep (all when empty), in the order given.</param>
    /// <param name="problem">What was wrong, when the folder or a name cannot be found.</param>
    /// <returns>The programs, or <see langword="null"/> with <paramref name="problem"/> set.</returns>
    public static IReadOnlyList<BenchProgram>? Find(string? folder, IReadOnlyList<string> only, out string problem)
    {
        ArgumentNullException.ThrowIfNull(only);
        folder ??= Locate();
        if (folder is null || !Directory.Exists(folder))
        {
            problem = folder is null
                ? "the Python programs were found neither next to the CLI nor under benchmarks/python"
                : $"the folder of programs '{folder}' does not exist";
            return null;
        }

        Dictionary<string, BenchProgram> all = Directory.GetFiles(folder, "*.py")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name => new BenchProgram(name, Path.Combine(folder, name + ".py"), KindOf(name)));
        if (only.Count == 0)
        {
            problem = all.Count == 0 ? $"'{folder}' holds no .py programs" : "";
            return all.Count == 0 ? null : [.. all.Values.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal)];
        }

        List<BenchProgram> chosen = [];
        foreach (string name in only)
        {
            if (!all.TryGetValue(name, out BenchProgram? program))
            {
                problem = $"no program '{name}' in '{folder}'. Programs: {string.Join(", ", all.Keys)}.";
                return null;
            }

            chosen.Add(program);
        }

        problem = "";
        return chosen;
    }

    private static string? Locate()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        return RepositoryPath(Path.Combine("benchmarks", FolderName), Directory.Exists);
    }

    /// <summary>Looks for <paramref name="relative"/> under the directories above the CLI and above the working directory.</summary>
    /// <param name="relative">A path relative to the repository root.</param>
    /// <param name="exists">Whether a candidate is there (a file or a folder test).</param>
    /// <returns>The first candidate found, or <see langword="null"/>.</returns>
    internal static string? RepositoryPath(string relative, Func<string, bool> exists)
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, relative);
                if (exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
