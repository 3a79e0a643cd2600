using Reclaim.Python.Execution;

namespace Reclaim.Python.Modules.Io;

/// <summary>The binary layers (<c>BufferedReader</c>/<c>Writer</c>/<c>Random</c>, <c>FileIO</c>) and the position operations every kind shares.</summary>
internal sealed partial class PyFile
{
    /// <summary><c>read(n)</c> on a binary file: up to <paramref name="count"/> bytes (all that is left when negative).</summary>
    public byte[] ReadBytes(long count)
    {
        CheckReadable();
        FileStream stream = Stream;
        if (count < 0)
        {
            using var rest = new MemoryStream();
            stream.CopyTo(rest);
            return rest.ToArray();
        }

        byte[] buffer = new byte[Math.Min(count, Math.Max(0, stream.Length - stream.Position))];
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary><c>readline(limit)</c> on a binary file: up to and including <c>b'\n'</c>.</summary>
    public byte[] ReadBytesLine(long limit = -1)
    {
        CheckReadable();
        FileStream stream = Stream;
        using var line = new MemoryStream();
        while (limit < 0 || line.Length < limit)
        {
            int b = stream.ReadByte();
            if (b < 0)
            {
                break;
            }

            line.WriteByte((byte)b);
            if (b == '\n')
            {
                break;
            }
        }

        return line.ToArray();
    }

    /// <summary><c>write(b)</c> on a binary file.</summary>
    public void WriteBytes(ReadOnlySpan<byte> data)
    {
        CheckWritable();
        PrepareWrite();
        Stream.Write(data);
    }

    /// <summary><c>tell()</c>.</summary>
    public long Tell() => IsText ? TextPosition() : Stream.Position;

    /// <summary><c>seek(offset, whence)</c>: the new position. Text files take only a <c>tell()</c> cookie or a zero offset from the current position or the end.</summary>
    public long Seek(long offset, int whence)
    {
        FileStream stream = Stream;
        if (whence is < 0 or > 2)
        {
            throw IsText
                ? PyErr.ValueError($"invalid whence ({whence}, should be 0, 1 or 2)")
                : PyErr.ValueError($"whence value {whence} unsupported");
        }

        if (IsText)
        {
            if (whence == 1 && offset != 0)
            {
                throw IoModule.Unsupported("can't do nonzero cur-relative seeks");
            }

            if (whence == 2 && offset != 0)
            {
                throw IoModule.Unsupported("can't do nonzero end-relative seeks");
            }

            if (whence == 0 && offset < 0)
            {
                throw PyErr.ValueError($"negative seek position {offset}");
            }

            if (whence == 1)
            {
                return TextPosition();
            }
        }

        long target = whence switch
        {
            0 => offset,
            1 => stream.Position + offset,
            _ => stream.Length + offset,
        };
        if (target < 0)
        {
            throw OsErrors.Make(OsErrors.InvalidArgument, null);
        }

        ForgetReadAhead();
        stream.Position = target;
        return target;
    }

    /// <summary><c>truncate(size)</c>: the file cut (or extended) to <paramref name="size"/> bytes, by default the current position.</summary>
    public long Truncate(long? size)
    {
        CheckWritable("truncate");
        long at = size ?? Tell();
        if (at < 0)
        {
            throw OsErrors.Make(OsErrors.InvalidArgument, null);
        }

        FileStream stream = Stream;
        long position = Tell();
        ForgetReadAhead();
        stream.Flush();
        stream.SetLength(at);
        stream.Position = position;
        return at;
    }

    /// <summary><c>flush()</c>.</summary>
    public void Flush() => Stream.Flush();
}
