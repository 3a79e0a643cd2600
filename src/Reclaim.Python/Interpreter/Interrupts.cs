using System.Diagnostics;
using System.Runtime.CompilerServices;
using Reclaim.Python.Execution;

namespace Reclaim.Python.Interpreter;

/// <summary>
/// Ctrl-C. The host's signal handler (another thread) only sets a flag, as CPython's handler does; the interpreter raises
/// <c>KeyboardInterrupt</c> at its next safe point: a loop's back-edge, a Python call, or a <c>time.sleep</c>, which
/// the request wakes. The flag is process-wide: the next interpreter to reach a safe point takes it (a process that
/// handles SIGINT runs one program, the CLI's).
/// </summary>
internal static class Interrupts
{
    private static readonly ManualResetEventSlim s_wake = new(initialState: false);
    private static volatile bool s_pending;

    /// <summary>Whether an interrupt waits to be raised (one volatile read: the check on every back-edge).</summary>
    public static bool Pending => s_pending;

    /// <summary>Asks for a <c>KeyboardInterrupt</c> (safe to call from any thread, a signal handler's included).</summary>
    public static void Request()
    {
        s_pending = true;
        s_wake.Set();
    }

    /// <summary>Raises the pending interrupt, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        if (s_pending)
        {
            throw Take();
        }
    }

    /// <summary>Clears the request and makes its <c>KeyboardInterrupt</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static PyException Take()
    {
        s_pending = false;
        s_wake.Reset();
        return PyErr.Make("KeyboardInterrupt", null);
    }

    /// <summary><c>time.sleep</c>: waits <paramref name="duration"/> or until an interrupt, which it then raises.</summary>
    public static void Sleep(TimeSpan duration)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Check();
            long left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            if (s_wake.Wait(TimeSpan.FromSeconds(left / (double)Stopwatch.Frequency)))
            {
                // Woken with nothing pending: the event was set for a request a safe point had already taken (Take ran
                // between Request's two writes). Forget that wake-up and sleep on; a new request sets the flag before
                // the event, so the Check above still sees it.
                Check();
                s_wake.Reset();
            }
        }
    }
}
