using System.Text;
using Reclaim.Python.Execution;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// The text layer (<c>TextIOWrapper</c>): bytes decoded a chunk at a time, lines split and newlines translated on the
/// way out. The decoded text not yet handed to the program is kept as decoded (untranslated), so <c>tell()</c> is the
/// stream's position less the bytes of that text, which is the cookie CPython gives for a stateless codec.
/// </summary>
internal sealed partial class PyFile
{
    private const int ChunkBytes = 8192;

    private string _pending = string.Empty;
    private int _pendingAt;
    private byte[] _carry = [];
    private bool _atEof;

    /// <summary><c>encoding</c>, as given (or <c>utf-8</c>).</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary><c>errors</c> (<c>strict</c> unless given).</summary>
    public string Errors { get; init; } = "strict";

    /// <summary><c>newline</c>: null is universal newlines mode; <c>""</c>, <c>"\n"</c>, <c>"\r"</c>, <c>"\r\n"</c> as CPython's.</summary>
    public string? Newline { get; init; }

    private bool Translates => Newline is null;

    /// <summary><c>read(n)</c> on a text file; a negative <paramref name="count"/> reads to the end.</summary>
    public string ReadText(long count)
    {
        CheckReadable();
        if (count < 0)
        {
            while (ReadChunk())
            {
            }

            return Take(_pending.Length - _pendingAt);
        }

        var sb = new StringBuilder();
        for (long taken = 0; taken < count; taken++)
        {
            // One more character than asked, so that a '\r' at the edge can be joined with its '\n'.
            while (_pending.Length - _pendingAt < 2 && ReadChunk())
            {
            }

            if (_pendingAt >= _pending.Length)
            {
                break;
            }

            char c = _pending[_pendingAt++];
            if (c == '\r' && Translates)
            {
                if (_pendingAt < _pending.Length && _pending[_pendingAt] == '\n')
                {
                    _pendingAt++;
                }

                c = '\n';
            }

            sb.Append(c);

            // count is in Python characters: the two halves of a surrogate pair are one.
            if (char.IsHighSurrogate(c))
            {
                while (_pending.Length - _pendingAt < 1 && ReadChunk())
                {
                }

                if (_pendingAt < _pending.Length && char.IsLowSurrogate(_pending[_pendingAt]))
                {
                    sb.Append(_pending[_pendingAt++]);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary><c>readline(limit)</c> on a text file: the line with its ending (translated), or <c>""</c> at the end.</summary>
    public string ReadTextLine(long limit = -1)
    {
        CheckReadable();
        while (true)
        {
            int end = FindLineEnd(_pendingAt, out int endLength);
            if (end >= 0)
            {
                // A '\r' ending the text read so far may be the first half of '\r\n': read on before deciding.
                bool crAtEdge = Newline is null or "" && endLength == 1 && _pending[end] == '\r' && end + 1 == _pending.Length;
                if (crAtEdge && ReadChunk())
                {
                    continue;
                }

                return TakeLine(end, endLength, limit);
            }

            int available = _pending.Length - _pendingAt;
            if (limit >= 0 && available >= limit)
            {
                return Take((int)limit);
            }

            if (!ReadChunk())
            {
                return Take(available);
            }
        }
    }

    /// <summary><c>write(s)</c> on a text file: newlines translated as <c>newline</c> says, then encoded.</summary>
    public void WriteText(string s)
    {
        CheckWritable();
        PrepareWrite();
        string text = Newline is "\r" or "\r\n" ? s.Replace("\n", Newline, StringComparison.Ordinal) : s;
        byte[] data = Codecs.Encode(text, Encoding, Errors);
        Stream.Write(data);
    }

    /// <summary><c>tell()</c> on a text file.</summary>
    public long TextPosition()
    {
        long rest = _carry.Length;
        if (_pendingAt < _pending.Length)
        {
            rest += Codecs.Encode(_pending[_pendingAt..], Encoding, "replace").Length;
        }

        return Stream.Position - rest;
    }

    /// <summary>Drops what was decoded but not read (after a seek or before a write).</summary>
    public void ForgetReadAhead()
    {
        _pending = string.Empty;
        _pendingAt = 0;
        _carry = [];
        _atEof = false;
    }

    private int FindLineEnd(int from, out int endLength)
    {
        endLength = 1;
        for (int i = from; i < _pending.Length; i++)
        {
            char c = _pending[i];
            if (Newline is null or "")
            {
                if (c == '\n')
                {
                    return i;
                }

                if (c == '\r')
                {
                    endLength = i + 1 < _pending.Length && _pending[i + 1] == '\n' ? 2 : 1;
                    return i;
                }
            }
            else if (c == Newline[0] && (Newline.Length == 1 || (i + 1 < _pending.Length && _pending[i + 1] == '\n')))
            {
                endLength = Newline.Length;
                return i;
            }
        }

        return -1;
    }

    private string TakeLine(int end, int endLength, long limit)
    {
        string body = _pending[_pendingAt..end];
        string ending = Translates ? "\n" : _pending.Substring(end, endLength);
        if (limit >= 0 && body.Length + ending.Length > limit)
        {
            return Take((int)Math.Min(limit, body.Length));
        }

        _pendingAt = end + endLength;
        return body + ending;
    }

    private string Take(int chars)
    {
        string raw = _pending.Substring(_pendingAt, chars);
        _pendingAt += chars;
        return Translates ? raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : raw;
    }

    // Reads and decodes one more chunk onto the pending text; false at the end of the file.
    private bool ReadChunk()
    {
        byte[] buffer = new byte[_carry.Length + ChunkBytes];
        _carry.CopyTo(buffer, 0);
        int read = Stream.Read(buffer, _carry.Length, ChunkBytes);
        int total = _carry.Length + read;
        _atEof = read == 0;
        int complete = _atEof ? total : CompletePrefix(buffer.AsSpan(0, total));
        string text = Codecs.Decode(buffer.AsSpan(0, complete), Encoding, Errors);
        _carry = buffer[complete..total];
        _pending = _pending[_pendingAt..] + text;
        _pendingAt = 0;
        return !_atEof || text.Length > 0;
    }

    // How much of the bytes decodes on its own: a UTF-8 sequence or a UTF-16/32 unit cut by the chunk waits for the next.
    private int CompletePrefix(ReadOnlySpan<byte> data)
    {
        string codec = Codecs.Normalize(Encoding);
        if (codec.StartsWith("utf-16", StringComparison.Ordinal))
        {
            return data.Length & ~1;
        }

        if (codec == "utf-32")
        {
            return data.Length & ~3;
        }

        if (codec != "utf-8")
        {
            return data.Length;
        }

        int start = data.Length;
        for (int back = 1; back <= 3 && back <= data.Length; back++)
        {
            byte b = data[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            start = need > back ? data.Length - back : data.Length;
            break;
        }

        return start;
    }
}
