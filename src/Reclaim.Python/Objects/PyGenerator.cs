using Reclaim.Python.Execution;

namespace Reclaim.Python.Objects;

/// <summary>A generator object. Resumption is not built yet: a generator raises when first resumed.</summary>
internal sealed class PyGenerator(PyType type, Frame frame) : PyObject(type)
{
    /// <summary>The suspended frame.</summary>
    public Frame Frame { get; } = frame;

    /// <summary>Resumes with <paramref name="sent"/>; false when the generator finished.</summary>
    public bool Resume(Value sent, out Value yielded)
    {
        _ = sent;
        yielded = default;
        throw PyErr.Make("NotImplementedError", "generators are not supported yet");
    }
}
