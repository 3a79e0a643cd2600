using Reclaim.Cli.Progress;

namespace Reclaim.Tests.Cli;

/// <summary>The progress helper: a bar only on an interactive terminal, never in JSON or redirected output.</summary>
public sealed class ProgressDisplayTests
{
    [Theory]
    [InlineData(false, true, false, true, true)]
    [InlineData(true, true, false, true, false)]
    [InlineData(false, false, false, true, false)]
    [InlineData(false, true, true, true, false)]
    [InlineData(false, true, false, false, false)]
    public void ShouldShow_OnlyForTextOnAnInteractiveConsole(bool json, bool writesToConsole, bool redirected, bool interactive, bool expected)
    {
        Assert.Equal(expected, ProgressDisplay.ShouldShow(json, writesToConsole, redirected, () => interactive));
    }

    [Fact]
    public void ShouldShow_DoesNotAskTheTerminalWhenAlreadyQuiet()
    {
        bool asked = false;

        ProgressDisplay.ShouldShow(json: true, writesToConsole: true, outputRedirected: false, () => asked = true);

        Assert.False(asked);
    }

    [Fact]
    public void For_AWriterThatIsNotTheConsole_IsQuiet_AndStillRunsTheWork()
    {
        ProgressDisplay display = ProgressDisplay.For(new StringWriter(), json: false);
        int steps = 0;

        int result = display.Run("work", 3, step =>
        {
            for (int i = 0; i < 3; i++)
            {
                step.Describe($"step {i} [not markup]");
                step.Advance();
                steps++;
            }

            return 42;
        });

        Assert.False(display.IsVisible);
        Assert.Equal(42, result);
        Assert.Equal(3, steps);
    }

    [Fact]
    public void Run_TotalNotPositive_Throws()
    {
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => ProgressDisplay.Quiet.Run("work", 0, _ => { })).ParamName);
    }
}
