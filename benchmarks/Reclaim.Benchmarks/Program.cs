using BenchmarkDotNet.Running;

// Any benchmark class in this assembly runs by filter, e.g. `-- --filter '*FullCollection*'`; with no arguments the
// switcher lists them and asks.
BenchmarkSwitcher.FromAssembly(typeof(Reclaim.Benchmarks.Collection.FullCollectionBenchmarks).Assembly).Run(args);
