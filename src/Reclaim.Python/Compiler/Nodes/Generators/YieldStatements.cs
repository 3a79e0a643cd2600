using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// <c>yield value</c> as a statement, with the value it receives stored in <paramref name="target"/> (or dropped).
/// Run fresh it hands the value to the generator and suspends; resumed it takes the sent value, or raises what
/// <c>throw()</c>/<c>close()</c> sent, at this line.
/// </summary>
internal sealed class YieldStatement(ExprNode? value, Target? target) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        if (!gen.Resuming)
        {
            gen.Yielded = value is null ? Value.None : value.Eval(frame);
            return Flow.Yield;
        }

        gen.Resuming = false;
        if (gen.Throwing is { } thrown)
        {
            gen.Throwing = null;
            throw thrown;
        }

        target?.Store(frame, gen.Sent.Dup());
        return Flow.Normal;
    }
}

/// <summary>
/// <c>yield from iterable</c>: the delegate lives in a hidden local while the generator is suspended in it; sends,
/// throws and close go to it (PEP 380), and its return value is stored in <paramref name="target"/>.
/// </summary>
internal sealed class YieldFromStatement(ExprNode iterable, Target? target, int slot) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        Value sent = Value.None;
        PyException? thrown = null;
        if (!gen.Resuming)
        {
            Value v = iterable.Eval(frame);
            Value it;
            try
            {
                it = v.Obj is PyGenerator ? v.Dup() : Ops.GetIter(v);
            }
            finally
            {
                v.Drop();
            }

            Value old = frame.Locals[slot];
            frame.Locals[slot] = it;
            old.Drop();
        }
        else
        {
            gen.Resuming = false;
            sent = gen.Sent;
            thrown = gen.Throwing;
            gen.Throwing = null;
        }

        Value result;
        bool done;
        try
        {
            done = thrown is null
                ? Delegation.Send(frame.Locals[slot], sent, out result)
                : Delegation.Throw(frame.Locals[slot], thrown, out result);
        }
        catch (PyException)
        {
            Resumable.Clear(frame, slot);
            throw;
        }

        if (!done)
        {
            gen.Yielded = result;
            gen.YieldFromSlot = slot;
            return Flow.Yield;
        }

        Resumable.Clear(frame, slot);
        if (target is null)
        {
            result.Drop();
        }
        else
        {
            target.Store(frame, result);
        }

        return Flow.Normal;
    }
}
