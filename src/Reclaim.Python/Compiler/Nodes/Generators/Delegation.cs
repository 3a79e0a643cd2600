using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>What <c>yield from</c> does with its delegate: a generator is stepped directly, any other iterator through its methods.</summary>
internal static class Delegation
{
    /// <summary>Sends <paramref name="sent"/> (borrowed); true with the return value when the delegate finished.</summary>
    public static bool Send(Value it, Value sent, out Value result)
    {
        if (it.Obj is PyGenerator g)
        {
            return GeneratorOps.Step(g, sent, null, out result) == GeneratorStep.Returned;
        }

        if (sent.IsNone)
        {
            return Call(it, "__next__", [], out result, required: true);
        }

        return Call(it, "send", [sent], out result, required: true);
    }

    /// <summary>Throws into the delegate; GeneratorExit closes it first and is then raised here, as PEP 380 says.</summary>
    public static bool Throw(Value it, PyException thrown, out Value result)
    {
        PyContext ctx = PyContext.Current;
        if (thrown.Object.Type.IsSubtypeOf(ctx.ExceptionType("GeneratorExit")))
        {
            try
            {
                CloseDelegate(it);
            }
            catch (PyException)
            {
                thrown.Exc.Drop();
                throw;
            }

            throw thrown;
        }

        if (it.Obj is PyGenerator g)
        {
            return GeneratorOps.Step(g, Value.None, thrown, out result) == GeneratorStep.Returned;
        }

        Value method = Ops.TypeOf(it).Lookup("throw");
        if (method.IsNull)
        {
            throw thrown;
        }

        try
        {
            return Call(it, "throw", [thrown.Exc], out result, required: true);
        }
        finally
        {
            thrown.Exc.Drop();
        }
    }

    private static void CloseDelegate(Value it)
    {
        if (it.Obj is PyGenerator g)
        {
            GeneratorOps.Close(g);
            return;
        }

        Value close = Ops.TypeOf(it).Lookup("close");
        if (!close.IsNull)
        {
            Ops.CallMethod(close, it, []).Drop();
        }
    }

    private static bool Call(Value it, string name, ReadOnlySpan<Value> args, out Value result, bool required)
    {
        PyContext ctx = PyContext.Current;
        if (it.Obj is PyBox box && box.Type == ctx.IteratorType && name == "__next__")
        {
            if (Ops.Next(it, out result))
            {
                return false;
            }

            result = Value.None;
            return true;
        }

        Value method = Ops.TypeOf(it).Lookup(name);
        if (method.IsNull && required)
        {
            throw PyErr.AttributeError($"'{Ops.TypeName(it)}' object has no attribute '{name}'");
        }

        try
        {
            result = Ops.CallMethod(method, it, args);
            return false;
        }
        catch (PyException e) when (e.Object.Type.IsSubtypeOf(ctx.ExceptionType("StopIteration")))
        {
            result = SpecialAttributes.Get(e.Exc, "value");
            e.Exc.Drop();
            return true;
        }
    }
}
