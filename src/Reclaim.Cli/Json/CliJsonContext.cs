using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reclaim.Cli.Bench;
using Reclaim.Cli.Bench.Python;
using Reclaim.Cli.Demo;
using Reclaim.Cli.Graph;

namespace Reclaim.Cli.Json;

/// <summary>
/// The serialisation code of every <c>--json</c> output, written at compile time by System.Text.Json's source
/// generator: reflection-based serialisation cannot run in the Native AOT executable (IL2026/IL3050).
/// </summary>
[JsonSerializable(typeof(IReadOnlyList<DemoRow>))]
[JsonSerializable(typeof(List<GraphRow>))]
[JsonSerializable(typeof(List<BenchRow>))]
[JsonSerializable(typeof(PythonBenchReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context every command writes with: camelCase names, indented, and apostrophes and arrows left readable
    /// (the output is read by people too).
    /// </summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
