using System.Diagnostics;

namespace Reclaim.Adversarial;

/// <summary>Runs one experiment of the host in its own process, killed if it outlives the limit.</summary>
internal static class ChildProcess
{
    /// <summary>Generous: only a hang takes this long on a loaded machine; not a speed assertion.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public sealed record Result(bool Exited, int ExitCode, string Output, string Error);

    public static Result Run(string experiment)
    {
        string host = Path.Combine(AppContext.BaseDirectory, "Reclaim.Adversarial.Host.dll");
        var start = new ProcessStartInfo("dotnet", [host, experiment])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Result(false, -1, output.Result, error.Result);
        }

        process.WaitForExit();
        return new Result(true, process.ExitCode, output.Result, error.Result);
    }
}
