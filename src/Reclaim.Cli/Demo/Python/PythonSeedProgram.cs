namespace Reclaim.Cli.Demo.Python;

/// <summary>One seed's own Python program from <c>examples/seeds/</c>, which travels with the CLI.</summary>
/// <param name="Seed">The seed: "000" to "003".</param>
/// <param name="FileName">The program's file name in <c>examples/seeds/</c>.</param>
/// <param name="Original">What the original interpreter did with it (or with the program it stands for).</param>
public sealed record PythonSeedProgram(string Seed, string FileName, string Original)
{
    /// <summary>Where the programs and CPython's recorded outcomes are copied beside the CLI.</summary>
    public static string Directory { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Every seed program, in seed order.</summary>
    public static IReadOnlyList<PythonSeedProgram> All { get; } =
    [
        new("000", "globals_at_shutdown.py",
            "a JIT's global cache kept raw pointers to globals/builtins; a finalizer-time lookup after they were freed: SEGV"),
        new("001", "noisydel_closure.py",
            "msg351082: the remove() closure keeps the data dict alive until the closure itself is cleared"),
        new("001", "callfunc_remove_cycle.py",
            "msg351083: CPython 3.8b4 could clear remove() before CallFunc.__del__ called it: segfault"),
        new("001", "freeipa_weakvaluedict.py",
            "FreeIPA: the collector cleared a WeakValueDictionary's remove() callback, then called it: segfault at exit"),
        new("003", "shutdown_sequence.py",
            "daemon threads ran into a half-finalized interpreter; here, the Py_FinalizeEx order they depended on"),
    ];

    /// <summary>The program's full path.</summary>
    public string Path => System.IO.Path.Combine(Directory, FileName);
}
