using Spectre.Console;

namespace Reclaim.Cli.Progress;

/// <summary>
/// Progress for long runs (graph, bench, stress): a live bar on an interactive terminal, nothing at all when the
/// output is redirected, when <c>--json</c> was given, or when the command writes somewhere other than the console
/// (a test's writer). The work runs the same either way; only the display differs.
/// </summary>
/// <example>
/// <code>
/// ProgressDisplay progress = ProgressDisplay.For(output, json);
/// var results = progress.Run("benchmarks", total: cases.Count, step =>
///     cases.Select(c => { step.Describe(c.Name); var r = c.Run(); step.Advance(); return r; }).ToList());
/// </code>
/// </example>
public sealed class ProgressDisplay
{
    private readonly IAnsiConsole? _console;

    private ProgressDisplay(IAnsiConsole? console)
    {
        _console = console;
    }

    /// <summary>A display that shows nothing.</summary>
    public static ProgressDisplay Quiet { get; } = new(null);

    /// <summary>Whether progress is drawn.</summary>
    public bool IsVisible => _console is not null;

    /// <summary>The display for a command that writes its results to <paramref name="output"/>.</summary>
    /// <param name="output">Where the command writes its results.</param>
    /// <param name="json">Whether the command was asked for JSON (machine-read output stays clean).</param>
    /// <returns>A live display on an interactive terminal, <see cref="Quiet"/> otherwise.</returns>
    public static ProgressDisplay For(TextWriter output, bool json)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Short-circuit order matters: Spectre's terminal detection is only asked when everything else allows a bar.
        bool show = ShouldShow(json, ReferenceEquals(output, Console.Out), Console.IsOutputRedirected, () => AnsiConsole.Profile.Capabilities.Interactive);
        return show ? new ProgressDisplay(AnsiConsole.Console) : Quiet;
    }

    /// <summary>The rule behind <see cref="For"/>, apart from the console it asks.</summary>
    internal static bool ShouldShow(bool json, bool writesToConsole, bool outputRedirected, Func<bool> interactive) =>
        !json && writesToConsole && !outputRedirected && interactive();

    /// <summary>Runs <paramref name="work"/> with one progress bar of <paramref name="total"/> steps.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="description">What is being done.</param>
    /// <param name="total">How many steps the work will report with <see cref="ProgressStep.Advance"/>; positive.</param>
    /// <param name="work">The work.</param>
    /// <returns>What the work returned.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is not positive.</exception>
    public T Run<T>(string description, double total, Func<ProgressStep, T> work)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        if (_console is null)
        {
            return work(ProgressStep.Silent);
        }

        return _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context => work(new ProgressStep(context.AddTask(Markup.Escape(description), maxValue: total))));
    }

    /// <summary>Runs <paramref name="work"/> with one progress bar of <paramref name="total"/> steps.</summary>
    /// <param name="description">What is being done.</param>
    /// <param name="total">How many steps the work will report; positive.</param>
    /// <param name="work">The work.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is not positive.</exception>
    public void Run(string description, double total, Action<ProgressStep> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(description, total, step =>
        {
            work(step);
            return true;
        });
    }
}
