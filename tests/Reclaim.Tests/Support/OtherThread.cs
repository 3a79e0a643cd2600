namespace Reclaim.Tests.Support;

/// <summary>Runs code on a dedicated thread and hands back its result or exception; a hang fails the test instead of the run.</summary>
internal static class OtherThread
{
    /// <summary>Generous: only a deadlock takes this long; it is not a speed assertion.</summary>
    public static readonly TimeSpan DeadlockLimit = TimeSpan.FromSeconds(30);

    public static Exception? Run(Action action)
    {
        Thread thread = Start(action, out Func<Exception?> outcome);
        Assert.True(thread.Join(DeadlockLimit), "The other thread did not finish: deadlock.");
        return outcome();
    }

    public static Thread Start(Action action, out Func<Exception?> outcome)
    {
        Exception? caught = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                caught = exception;
            }
        })
        { IsBackground = true };
        thread.Start();
        outcome = () => caught;
        return thread;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (another thread reached a state); fails on a hang.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        Assert.True(SpinWait.SpinUntil(condition, DeadlockLimit), $"Timed out waiting until {what}.");
    }
}
