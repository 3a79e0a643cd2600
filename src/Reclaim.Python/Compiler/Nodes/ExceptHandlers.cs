using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// The <c>except</c> clauses of a <c>try</c>, shared by <see cref="TryStatement"/> and the generator form
/// <see cref="ResumableTry"/>: which handler takes an exception, and the unbinding of <c>except … as name</c>.
/// </summary>
internal static class ExceptHandlers
{
    /// <summary>
    /// The index of the first handler whose type matches <paramref name="exc"/>, or -1. An exception raised while
    /// evaluating a handler's type propagates with <paramref name="exc"/> as its context (and <paramref name="exc"/> is
    /// released).
    /// </summary>
    public static int Find(Handler[] handlers, Frame frame, Value exc)
    {
        for (int i = 0; i < handlers.Length; i++)
        {
            Handler h = handlers[i];
            bool match;
            try
            {
                match = h.Type is null || TryStatement.Matches(h.Type, frame, exc);
            }
            catch (PyException inner)
            {
                Raising.SetContext(inner, exc);
                exc.Drop();
                throw;
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Unbinds <c>except … as name</c> when the handler ends (the name may already be gone: that is no error).</summary>
    public static void Unbind(Handler h, Frame frame)
    {
        if (h.Name is null)
        {
            return;
        }

        try
        {
            h.Name.Delete(frame);
        }
        catch (PyException gone)
        {
            gone.Exc.Drop();
        }
    }
}
