using System.Globalization;
using System.Text;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// Encodes str to ascii, latin-1 or utf-8 one code point at a time, handing what the codec cannot take to the error
/// handler (strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape, surrogatepass). Positions
/// in errors are code points, as Python counts them.
/// </summary>
internal static class TextEncoder
{
    /// <summary>Encodes <paramref name="s"/>; <paramref name="limit"/> is 128, 256, or 0x110000 for utf-8.</summary>
    public static byte[] Encode(string s, string codec, int limit, string errors)
    {
        var bytes = new List<byte>(s.Length);
        Span<byte> buf = stackalloc byte[4];
        for (int i = 0, k = 0; i < s.Length; k++)
        {
            bool pair = Text.CodePoints.PairAt(s, i);
            int cp = pair ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
            bool surrogate = cp is >= 0xD800 and <= 0xDFFF;
            if (cp < limit && !surrogate)
            {
                if (limit > 256)
                {
                    int n = new Rune(cp).EncodeToUtf8(buf);
                    for (int j = 0; j < n; j++)
                    {
                        bytes.Add(buf[j]);
                    }
                }
                else
                {
                    bytes.Add((byte)cp);
                }
            }
            else
            {
                Handle(bytes, s, i, k, cp, codec, limit, errors);
            }

            i += pair ? 2 : 1;
        }

        return [.. bytes];
    }

    private static void Handle(List<byte> bytes, string s, int unit, int k, int cp, string codec, int limit, string errors)
    {
        switch (errors)
        {
            case "ignore":
                return;
            case "replace":
                bytes.Add((byte)'?');
                return;
            case "backslashreplace":
                AddAscii(bytes, cp <= 0xFF ? $"\\x{cp:x2}" : cp <= 0xFFFF ? $"\\u{cp:x4}" : $"\\U{cp:x8}");
                return;
            case "xmlcharrefreplace":
                AddAscii(bytes, "&#" + cp.ToString(CultureInfo.InvariantCulture) + ";");
                return;
            case "surrogateescape" when cp is >= 0xDC80 and <= 0xDCFF:
                bytes.Add((byte)(cp - 0xDC00));
                return;
            case "surrogatepass" when limit > 256 && cp is >= 0xD800 and <= 0xDFFF:
                bytes.Add((byte)(0xE0 | (cp >> 12)));
                bytes.Add((byte)(0x80 | ((cp >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (cp & 0x3F)));
                return;
            case "strict" or "surrogateescape" or "surrogatepass":
                throw Error(s, unit, k, codec, limit);
            default:
                throw PyErr.Make("LookupError", $"unknown error handler name '{errors}'");
        }
    }

    // CPython reports the whole run of code points the codec cannot take.
    private static PyException Error(string s, int unit, int k, string codec, int limit)
    {
        int end = k + 1;
        for (int i = unit + (Text.CodePoints.PairAt(s, unit) ? 2 : 1); i < s.Length; end++)
        {
            bool pair = Text.CodePoints.PairAt(s, i);
            int cp = pair ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];
            if (cp < limit && cp is not (>= 0xD800 and <= 0xDFFF))
            {
                break;
            }

            i += pair ? 2 : 1;
        }

        string reason = limit > 256 ? "surrogates not allowed" : $"ordinal not in range({limit})";
        if (end - k > 1)
        {
            return PyErr.Make("UnicodeEncodeError", $"'{codec}' codec can't encode characters in position {k}-{end - 1}: {reason}");
        }

        int c = Text.CodePoints.PairAt(s, unit) ? char.ConvertToUtf32(s[unit], s[unit + 1]) : s[unit];
        string shown = c <= 0xFF ? $"\\x{c:x2}" : c <= 0xFFFF ? $"\\u{c:x4}" : $"\\U{c:x8}";
        return PyErr.Make("UnicodeEncodeError", $"'{codec}' codec can't encode character '{shown}' in position {k}: {reason}");
    }

    private static void AddAscii(List<byte> bytes, string text)
    {
        foreach (char c in text)
        {
            bytes.Add((byte)c);
        }
    }
}
