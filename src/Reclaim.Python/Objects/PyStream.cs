namespace Reclaim.Python.Objects;

/// <summary><c>sys.stdout</c>/<c>sys.stderr</c>: a text stream over a .NET writer.</summary>
internal sealed class PyStream(PyType type, TextWriter writer) : PyObject(type)
{
    /// <summary>Where text goes.</summary>
    public TextWriter Writer { get; } = writer;
}
