using Spectre.Console;

namespace Reclaim.Cli.Progress;

/// <summary>The handle a long run reports its progress through; does nothing when the display is quiet.</summary>
public sealed class ProgressStep
{
    private readonly ProgressTask? _task;

    internal ProgressStep(ProgressTask? task)
    {
        _task = task;
    }

    internal static ProgressStep Silent { get; } = new(null);

    /// <summary>Marks <paramref name="amount"/> more steps done.</summary>
    /// <param name="amount">How many steps; one by default.</param>
    public void Advance(double amount = 1) => _task?.Increment(amount);

    /// <summary>Changes what the bar says is being done (plain text, not markup).</summary>
    /// <param name="description">What is being done now.</param>
    public void Describe(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (_task is not null)
        {
            _task.Description = Markup.Escape(description);
        }
    }
}
