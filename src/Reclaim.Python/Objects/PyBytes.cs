using System.Text;

namespace Reclaim.Python.Objects;

/// <summary>
/// Python's <c>bytes</c> and <c>bytearray</c>: a byte array that holds no Python references. A <c>bytes</c> never
/// changes after construction; a <c>bytearray</c> replaces or edits <see cref="Data"/> in place.
/// </summary>
internal sealed class PyBytes(PyType type, byte[] data) : PyObject(type)
{
    /// <summary>The bytes (exactly as long as the object).</summary>
    public byte[] Data = data;

    /// <summary>The repr body: <c>b'...'</c> with CPython's quote choice and escapes.</summary>
    public static string Literal(ReadOnlySpan<byte> data)
    {
        char quote = data.Contains((byte)'\'') && !data.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder(data.Length + 3).Append('b').Append(quote);
        foreach (byte b in data)
        {
            switch (b)
            {
                case (byte)'\\':
                    sb.Append("\\\\");
                    break;
                case (byte)'\t':
                    sb.Append("\\t");
                    break;
                case (byte)'\n':
                    sb.Append("\\n");
                    break;
                case (byte)'\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (b == quote)
                    {
                        sb.Append('\\').Append(quote);
                    }
                    else if (b < 32 || b >= 127)
                    {
                        sb.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append((char)b);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
