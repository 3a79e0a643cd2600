using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    private PyType? _tracebackType;
    private PyType? _frameType;

    /// <summary>The type of <c>__traceback__</c> objects (<c>types.TracebackType</c>).</summary>
    public PyType TracebackType => _tracebackType ??= NewReadOnlyType("traceback");

    /// <summary>The type of the frame objects tracebacks and <c>gi_frame</c> give (<c>types.FrameType</c>).</summary>
    public PyType FrameType => _frameType ??= NewReadOnlyType("frame", TracebackObjects.FrameRepr);

    // Types whose instances only the interpreter makes; their attributes come from TracebackObjects.
    private PyType NewReadOnlyType(string name, Func<Value, string>? repr = null)
    {
        var t = new PyType(TypeType, name, isHeap: false);
        Runtime.AdoptReference(t);
        t.SetBases([ObjectType]);
        if (repr is not null)
        {
            DefMethod(t, "__repr__", (a, k) => Value.Str(repr(a[0])));
        }

        return t;
    }
}
