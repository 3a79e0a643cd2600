using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    private PyType? _tracebackType;
    private PyType? _frameType;
    private PyType? _codeType;

    /// <summary>The type of <c>__traceback__</c> objects (<c>types.TracebackType</c>).</summary>
    public PyType TracebackType => _tracebackType ??= NewReadOnlyType("traceback");

    /// <summary>The type of the frame objects tracebacks point to (<c>types.FrameType</c>).</summary>
    public PyType FrameType => _frameType ??= NewReadOnlyType("frame", TracebackObjects.FrameRepr);

    /// <summary>The type of <c>f_code</c> (<c>types.CodeType</c>).</summary>
    public PyType CodeType => _codeType ??= NewReadOnlyType("code", TracebackObjects.CodeRepr);

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
