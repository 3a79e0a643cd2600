using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// A Python exception travelling through .NET frames. It owns one reference to the exception object; whoever catches
/// it for good (an <c>except</c> clause, the top level) takes that reference over.
/// </summary>
internal sealed class PyException(Value exception) : Exception
{
    /// <summary>The exception instance (owned by this carrier until taken).</summary>
    public Value Exc { get; } = exception;

    /// <summary>
    /// The frame whose traceback entry this raise has already added; the first node of a frame to see the exception
    /// adds it, and the others it passes in that frame leave the traceback alone (see <see cref="Traceback.TracebackRecorder"/>).
    /// </summary>
    public Frame? RecordedIn { get; set; }

    /// <summary>The exception object as its class.</summary>
    public PyBaseException Object => (PyBaseException)Exc.Obj!;

    /// <inheritdoc/>
    public override string Message => Ops.TypeOf(Exc).Name + ": " + Ops.StrOf(Exc);
}

/// <summary>Shortcuts that make the built-in exceptions with CPython's messages.</summary>
internal static class PyErr
{
    /// <summary>Makes an exception of the named built-in type with one string argument.</summary>
    public static PyException Make(string typeName, string? message)
    {
        PyContext ctx = PyContext.Current;
        PyType type = ctx.ExceptionType(typeName);
        Value exc = message is null ? ctx.NewException(type, []) : ctx.NewException(type, [Value.Str(message)]);
        return new PyException(exc);
    }

    /// <summary>TypeError.</summary>
    public static PyException TypeError(string message) => Make("TypeError", message);

    /// <summary>ValueError.</summary>
    public static PyException ValueError(string message) => Make("ValueError", message);

    /// <summary>AttributeError.</summary>
    public static PyException AttributeError(string message) => Make("AttributeError", message);

    /// <summary>NameError.</summary>
    public static PyException NameError(string name, bool raw = false)
    {
        PyException e = Make("NameError", raw ? name : $"name '{name}' is not defined");
        if (!raw)
        {
            // The name, for the "Did you mean" hint of the traceback printer (CPython's NameError.name).
            e.Object.Extra = Value.Str(name);
        }

        return e;
    }

    /// <summary>IndexError.</summary>
    public static PyException IndexError(string message) => Make("IndexError", message);

    /// <summary>ZeroDivisionError.</summary>
    public static PyException ZeroDivision(string message) => Make("ZeroDivisionError", message);

    /// <summary>OverflowError.</summary>
    public static PyException Overflow(string message) => Make("OverflowError", message);

    /// <summary>KeyError carrying the key itself.</summary>
    public static PyException KeyError(Value key)
    {
        PyContext ctx = PyContext.Current;
        return new PyException(ctx.NewException(ctx.ExceptionType("KeyError"), [key]));
    }

    /// <summary>StopIteration carrying a value.</summary>
    public static PyException StopIteration(Value value)
    {
        PyContext ctx = PyContext.Current;
        return new PyException(ctx.NewException(ctx.ExceptionType("StopIteration"), value.IsNull || value.IsNone ? [] : [value]));
    }
}
