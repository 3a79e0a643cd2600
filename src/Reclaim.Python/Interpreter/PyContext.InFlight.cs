using Reclaim.Python.Execution;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    /// <summary>
    /// The exception travelling as <see cref="Compiler.Flow.Raise"/> rather than as a .NET throw (a throw costs about a
    /// microsecond per .NET frame it unwinds under Native AOT). It is set by whoever returns <c>Flow.Raise</c> and taken
    /// at once by whoever receives it (<see cref="TakeInFlight"/>); a Python function's entry saves and clears it, so
    /// Python code run while one is on its way (a <c>__del__</c> of a dropped local) cannot disturb it.
    /// </summary>
    public PyException? InFlight { get; set; }

    /// <summary>Takes the exception in flight (there must be one).</summary>
    public PyException TakeInFlight()
    {
        PyException e = InFlight ?? throw new InvalidOperationException("Flow.Raise without an exception in flight");
        InFlight = null;
        return e;
    }
}
