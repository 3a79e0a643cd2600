namespace Reclaim;

/// <summary>
/// A thread started by <see cref="Runtime.StartThread"/> (Python's <c>threading.Thread</c>): its body runs attached to
/// the runtime, and shutdown waits for it unless it is a daemon.
/// </summary>
public sealed class RuntimeThread
{
    private readonly Runtime _runtime;
    private readonly Action _body;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _finished = new(false);

    internal RuntimeThread(Runtime runtime, Action body, string name, bool isDaemon)
    {
        _runtime = runtime;
        _body = body;
        Name = name;
        IsDaemon = isDaemon;
        _thread = new Thread(Run) { Name = name, IsBackground = isDaemon };
    }

    /// <summary>The thread's name.</summary>
    public string Name { get; }

    /// <summary>Whether shutdown leaves the thread alone instead of waiting for it.</summary>
    public bool IsDaemon { get; }

    /// <summary>The managed thread id.</summary>
    public int ManagedThreadId => _thread.ManagedThreadId;

    /// <summary>Whether the body is still running.</summary>
    public bool IsAlive => !_finished.IsSet;

    /// <summary>The exception that ended the body, if any (including a refusal at shutdown).</summary>
    public Exception? Exception { get; private set; }

    /// <summary>
    /// Waits for the thread to finish. A caller that holds the runtime lock gives it up while waiting (as
    /// <c>Thread.join</c> releases the GIL), otherwise the thread could never finish.
    /// </summary>
    /// <param name="timeout">How long to wait; <see langword="null"/> waits for ever.</param>
    /// <returns>Whether the thread finished.</returns>
    /// <exception cref="WrongThreadException">A thread tried to join itself.</exception>
    /// <exception cref="RuntimeShutDownException">The wait timed out while another thread was shutting the runtime down, so the lock could not be taken back.</exception>
    public bool Join(TimeSpan? timeout = null)
    {
        if (Environment.CurrentManagedThreadId == _thread.ManagedThreadId)
        {
            throw new WrongThreadException($"Thread '{Name}' cannot join itself.");
        }

        if (_finished.IsSet)
        {
            return true;
        }

        if (!_runtime.IsLockHeld || _runtime.State == RuntimeState.ShutDown)
        {
            return Wait(timeout);
        }

        DetachScope scope = _runtime.DetachFor("Join");
        bool finished = Wait(timeout);
        try
        {
            scope.Dispose();
        }
        catch (RuntimeShutDownException) when (_runtime.State == RuntimeState.ShutDown)
        {
            // The joined thread (or another) shut the runtime down meanwhile: there is no lock left to take back,
            // as after any shutdown, and the join itself succeeded.
        }

        return finished;
    }

    /// <summary>A description for diagnostics.</summary>
    public override string ToString() => $"RuntimeThread('{Name}'{(IsDaemon ? ", daemon" : string.Empty)}, {(IsAlive ? "alive" : "finished")})";

    internal void Start() => _thread.Start();

    /// <summary>Waits without touching the runtime; used by shutdown, which has already given up the lock.</summary>
    internal bool Wait(TimeSpan? timeout) => timeout is { } limit ? _finished.Wait(limit) : WaitForever();

    private bool WaitForever()
    {
        _finished.Wait();
        return true;
    }

    private void Run()
    {
        ThreadAttachment? attachment = null;
        try
        {
            attachment = _runtime.AttachThread(this, mayPark: true);
            _body();
        }
        catch (Exception exception)
        {
            // Nothing may escape a .NET thread (it would end the process): keep it, and report it while the
            // thread still holds the lock (the hook runs on the lock holder only).
            Exception = exception;
            if (attachment is not null && _runtime.IsLockHeld && _runtime.State != RuntimeState.ShutDown)
            {
                _runtime.ReportUnraisable(exception, UnraisablePhase.Thread, null);
            }
        }
        finally
        {
            try
            {
                attachment?.Dispose();
            }
            catch (ReclaimException exception)
            {
                Exception ??= exception;
            }

            _runtime.OnRuntimeThreadFinished(this);
            _finished.Set();
        }
    }
}
