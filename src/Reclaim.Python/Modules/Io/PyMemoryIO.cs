using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// An in-memory stream: <c>io.StringIO</c> (units are code points, so an emoji is one position as in CPython) or
/// <c>io.BytesIO</c> (units are bytes). Both keep their contents as a list of ints, which makes positions, overwrites
/// and truncation one code path; it holds no Python references, so the collector never needs to see inside it.
/// </summary>
internal sealed class PyMemoryIO(PyType type, bool text) : PyObject(type)
{
    private readonly List<int> _data = [];

    /// <summary>Whether this is a <c>StringIO</c> (otherwise a <c>BytesIO</c>).</summary>
    public bool IsText { get; } = text;

    /// <summary>Whether <c>close()</c> has run.</summary>
    public bool Closed { get; private set; }

    /// <summary>The current position, which may lie past the end (a write there pads).</summary>
    public long Position { get; set; }

    /// <summary>The number of units held.</summary>
    public int Length => _data.Count;

    /// <summary>Raises CPython's error for a closed stream; StringIO's own methods leave out the full stop.</summary>
    public void CheckOpen(bool fullStop)
    {
        if (Closed)
        {
            throw PyErr.ValueError(fullStop ? "I/O operation on closed file." : "I/O operation on closed file");
        }
    }

    /// <summary>Frees the contents; later operations raise ValueError.</summary>
    public void Close()
    {
        Closed = true;
        _data.Clear();
        _data.TrimExcess();
    }

    /// <summary>Writes <paramref name="units"/> at the position (padding with zeros when past the end) and moves past them.</summary>
    public void Write(IReadOnlyList<int> units)
    {
        if (units.Count == 0)
        {
            return;
        }

        int pos = checked((int)Position);
        while (_data.Count < pos)
        {
            _data.Add(0);
        }

        for (int i = 0; i < units.Count; i++)
        {
            if (pos + i < _data.Count)
            {
                _data[pos + i] = units[i];
            }
            else
            {
                _data.Add(units[i]);
            }
        }

        Position = pos + units.Count;
    }

    /// <summary>Reads up to <paramref name="size"/> units (all when negative) from the position.</summary>
    public List<int> Read(long size)
    {
        int start = (int)Math.Min(Position, _data.Count);
        int count = _data.Count - start;
        if (size >= 0 && size < count)
        {
            count = (int)size;
        }

        Position = start + count;
        return _data.GetRange(start, count);
    }

    /// <summary>Reads through the next newline (or up to <paramref name="size"/> units when non-negative).</summary>
    public List<int> ReadLine(long size)
    {
        int start = (int)Math.Min(Position, _data.Count);
        int end = start;
        while (end < _data.Count && (size < 0 || end - start < size))
        {
            if (_data[end++] == '\n')
            {
                break;
            }
        }

        Position = end;
        return _data.GetRange(start, end - start);
    }

    /// <summary>Cuts the contents to <paramref name="size"/> units; the position stays where it was.</summary>
    public long Truncate(long size)
    {
        if (size < _data.Count)
        {
            _data.RemoveRange((int)size, _data.Count - (int)size);
        }

        return size;
    }

    /// <summary>All the contents.</summary>
    public List<int> All() => [.. _data];

    /// <summary>A str as code points: a surrogate pair is one, a lone surrogate stays itself.</summary>
    public static List<int> CodePoints(string s)
    {
        var units = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                units.Add(char.ConvertToUtf32(c, s[++i]));
            }
            else
            {
                units.Add(c);
            }
        }

        return units;
    }

    /// <summary>Units back to a value of this stream's kind: a str or a bytes object (a new reference).</summary>
    public Value ToValue(List<int> units)
    {
        if (!IsText)
        {
            var bytes = new byte[units.Count];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)units[i];
            }

            return BytesMethods.NewBytes(bytes);
        }

        var sb = new StringBuilder(units.Count);
        foreach (int cp in units)
        {
            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp);
            }
        }

        return Value.Str(sb.ToString());
    }
}
