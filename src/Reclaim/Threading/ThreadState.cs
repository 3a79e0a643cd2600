namespace Reclaim;

/// <summary>
/// What the runtime knows about one thread attached to it (CPython's <c>PyThreadState</c>). Threads never reach it
/// directly: they go through <see cref="ThreadAttachment"/> and <see cref="DetachScope"/> handles, which check
/// <see cref="IsValid"/> first, so shutdown can invalidate it and no handle ever acts on a dead runtime (I4).
/// </summary>
internal sealed class ThreadState
{
    internal ThreadState(int threadId, string name, bool isDaemon, RuntimeThread? runtimeThread)
    {
        ThreadId = threadId;
        Name = name;
        IsDaemon = isDaemon;
        RuntimeThread = runtimeThread;
    }

    /// <summary>The managed id of the thread.</summary>
    internal int ThreadId { get; }

    internal string Name { get; }

    /// <summary>Daemon threads are not waited for at shutdown and cannot get back in once it begins.</summary>
    internal bool IsDaemon { get; }

    /// <summary>The handle of a thread started by <see cref="Runtime.StartThread"/>, or null for a foreign thread.</summary>
    internal RuntimeThread? RuntimeThread { get; }

    /// <summary>How many attachments of this thread are open.</summary>
    internal int AttachDepth { get; set; }

    /// <summary>How many detach scopes of this thread are open; the thread holds the lock only when this is 0.</summary>
    internal int DetachDepth { get; set; }

    /// <summary>Cleared by shutdown; afterwards every handle operation on this state is refused.</summary>
    internal bool IsValid { get; set; } = true;
}
