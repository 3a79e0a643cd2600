namespace Reclaim.Python.Interpreter;

/// <summary>Runs the interpreter on a thread whose stack is sized for the deepest recursion limit allowed.</summary>
internal static class PythonThread
{
    /// <summary>The highest recursion limit accepted (the stack below is sized for it).</summary>
    public const int MaxDepth = 20000;

    /// <summary>Stack bytes: generous per Python frame, since each is several nested .NET calls.</summary>
    private const int StackBytes = 1024 * 1024 * 1024;

    /// <summary>Runs <paramref name="body"/> on a big-stack thread and returns its result.</summary>
    public static int Run(Func<int> body)
    {
        int result = 1;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = body();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            StackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("the interpreter failed", failure);
        }

        return result;
    }
}
