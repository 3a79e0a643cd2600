using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// <c>with</c> in a generator: the bound <c>__exit__</c> lives in hidden local <paramref name="exitSlot"/> while the
/// body is suspended, so closing the generator at a yield inside runs <c>__exit__</c> with GeneratorExit.
/// </summary>
internal sealed class ResumableWith(ExprNode manager, Target? target, StmtNode[] body, int exitSlot, int bodyPoint) : StmtNode
{
    public override Flow Exec(Frame frame)
    {
        PyGenerator gen = frame.Generator!;
        if (!gen.Resuming)
        {
            Value entered = WithProtocol.Enter(manager, target, frame);
            Value old = frame.Locals[exitSlot];
            frame.Locals[exitSlot] = entered;
            old.Drop();
        }

        Flow result;
        try
        {
            result = Resumable.RunFrom(body, frame, gen, bodyPoint);
        }
        catch (PyException e)
        {
            if (WithProtocol.ExitWithException(Resumable.Take(frame, exitSlot), e))
            {
                return Flow.Normal;
            }

            throw;
        }

        if (result == Flow.Yield)
        {
            return result;
        }

        WithProtocol.ExitNormally(Resumable.Take(frame, exitSlot));
        return result;
    }
}
