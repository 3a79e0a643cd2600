using Reclaim.Python.Execution;

namespace Reclaim.Python.Objects;

/// <summary>
/// A code object as programs see it: the compiled body of a function (<c>f.__code__</c>) or what <c>compile()</c>
/// returns, with the mode it was compiled in. It holds no Python references (its constants live in the node tree).
/// </summary>
internal sealed class PyCode(PyType type, Code code, string mode) : PyObject(type)
{
    /// <summary>The compiled body.</summary>
    public Code Code { get; } = code;

    /// <summary><c>exec</c>, <c>eval</c> or <c>single</c> for <c>compile()</c>'s results; <c>function</c> for a function's code.</summary>
    public string Mode { get; } = mode;
}
