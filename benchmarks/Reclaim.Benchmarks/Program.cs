using BenchmarkDotNet.Running;

if (args is ["loops"])
{
    // The common path's rows by the thread's CPU clock (Loops/CpuTimeLoops.cs): robust on a loaded machine.
    Reclaim.Benchmarks.Loops.CpuTimeLoops.Run();
    return;
}

// Any benchmark class in this assembly runs by filter, e.g. `-- --filter '*FullCollection*'`; with no arguments the
// switcher lists them and asks.
BenchmarkSwitcher.FromAssembly(typeof(Reclaim.Benchmarks.Collection.FullCollectionBenchmarks).Assembly).Run(args);
