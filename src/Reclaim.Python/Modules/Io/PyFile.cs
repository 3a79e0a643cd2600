using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// A file object of <c>open()</c>. It owns a .NET <see cref="FileStream"/>, a native resource, and releases it with
/// the Python object: when its count drops to zero it is closed (flushed) as CPython's <c>iobase_finalize</c> closes
/// an unclosed file, and the handle is disposed when the object is freed, whatever path freed it. It holds no Python
/// references (names and modes are immutable strings), so the collector never needs to see inside it.
/// </summary>
internal sealed partial class PyFile : PyObject
{
    private FileStream? _stream;

    /// <summary>Wraps an opened stream.</summary>
    public PyFile(PyType type, FileKind kind, FileStream stream, string name, string mode, OpenMode parsed)
        : base(type)
    {
        Kind = kind;
        _stream = stream;
        Name = name;
        Mode = mode;
        Parsed = parsed;
    }

    /// <summary>Which <c>_io</c> class this is.</summary>
    public FileKind Kind { get; }

    /// <summary><c>name</c>: the path as given to <c>open()</c>.</summary>
    public string Name { get; }

    /// <summary><c>mode</c> as this class reports it.</summary>
    public string Mode { get; }

    /// <summary>The parsed mode.</summary>
    public OpenMode Parsed { get; }

    /// <summary>Whether <c>close()</c> has run.</summary>
    public bool Closed => _stream is null;

    /// <summary>Whether this is a text file.</summary>
    public bool IsText => Kind == FileKind.Text;

    /// <summary>The open stream, or <c>ValueError: I/O operation on closed file.</c></summary>
    public FileStream Stream => _stream ?? throw ClosedError();

    /// <summary>CPython's error for an operation on a closed file (the buffered and text layers end it with a full stop).</summary>
    public PyException ClosedError(bool fullStop = true) =>
        PyErr.ValueError(fullStop ? "I/O operation on closed file." : "I/O operation on closed file");

    /// <summary><c>close()</c>: flushes and releases the handle; a second call does nothing.</summary>
    public void Close()
    {
        FileStream? stream = _stream;
        if (stream is null)
        {
            return;
        }

        _stream = null;
        ForgetReadAhead();
        try
        {
            stream.Flush();
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>Raises <c>io.UnsupportedOperation</c> unless the file was opened for reading.</summary>
    public void CheckReadable()
    {
        _ = Stream;
        if (!Parsed.Readable)
        {
            throw IoModule.Unsupported(Kind switch
            {
                FileKind.FileIO => "File not open for reading",
                FileKind.Text => "not readable",
                _ => "read",
            });
        }
    }

    /// <summary>Raises <c>io.UnsupportedOperation</c> unless the file was opened for writing; each layer words it its own way.</summary>
    public void CheckWritable(string operation = "write")
    {
        _ = Stream;
        if (!Parsed.Writable)
        {
            throw IoModule.Unsupported(Kind switch
            {
                FileKind.FileIO => "File not open for writing",
                FileKind.Text when operation == "write" => "not writable",
                _ => operation,
            });
        }
    }

    /// <summary>Before a write: text read ahead is given back and an append-mode file moves to its end.</summary>
    public void PrepareWrite()
    {
        FileStream stream = Stream;

        // Text read ahead is dropped where it is: as in CPython, a write after a read lands after the chunk the read
        // pulled in (8192 bytes, the same size as CPython's), not at the position the program has read to.
        ForgetReadAhead();

        if (Parsed.Appending)
        {
            stream.Seek(0, SeekOrigin.End);
        }
    }

    /// <summary>An unclosed file is closed when it dies, as CPython's finalizer does (its ResourceWarning is silent by default).</summary>
    protected override void OnFinalize()
    {
        try
        {
            Close();
        }
        catch (IOException)
        {
            // CPython reports a failing close at deallocation as unraisable; a .NET write error has no Python form here.
        }
    }

    /// <inheritdoc/>
    protected override void OnFree()
    {
        _stream?.Dispose();
        _stream = null;
        base.OnFree();
    }
}
