using System.Globalization;
using System.Text;

namespace Reclaim.Python.Execution;

/// <summary>
/// <c>str.encode</c> and <c>bytes.decode</c> for the codecs programs use (utf-8, ascii, latin-1, utf-16, utf-32), with
/// the <c>strict</c>, <c>ignore</c> and <c>replace</c> error handlers and CPython's error messages.
/// </summary>
internal static class Codecs
{
    /// <summary>The canonical codec name (as error messages show it), or LookupError.</summary>
    public static string Normalize(string encoding)
    {
        string n = encoding.ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return n switch
        {
            "utf-8" or "utf8" or "u8" or "utf" => "utf-8",
            "ascii" or "us-ascii" or "646" => "ascii",
            "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "8859" or "l1" or "cp819" or "latin" => "latin-1",
            "utf-16" or "utf16" => "utf-16",
            "utf-16-le" or "utf-16le" => "utf-16-le",
            "utf-16-be" or "utf-16be" => "utf-16-be",
            "utf-32" or "utf32" => "utf-32",
            "utf-32-le" or "utf-32le" => "utf-32-le",
            "utf-32-be" or "utf-32be" => "utf-32-be",
            _ => throw PyErr.Make("LookupError", $"unknown encoding: {encoding}"),
        };
    }

    /// <summary>
    /// <paramref name="s"/> unchanged when the console's utf-8 can take it; a lone surrogate raises CPython's
    /// UnicodeEncodeError instead of failing in the .NET writer later.
    /// </summary>
    public static string Printable(string s)
    {
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            TextEncoder.Encode(s, "utf-8", 0x110000, "strict");
        }

        return s;
    }

    /// <summary>Encodes <paramref name="s"/>.</summary>
    public static byte[] Encode(string s, string encoding, string errors)
    {
        string codec = Normalize(encoding);
        switch (codec)
        {
            case "ascii":
                return TextEncoder.Encode(s, codec, 128, errors);
            case "latin-1":
                return TextEncoder.Encode(s, codec, 256, errors);
            case "utf-8":
                // The common case, text without a surrogate, needs no error handling.
                return s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 ? TextEncoder.Encode(s, codec, 0x110000, errors) : Encoding.UTF8.GetBytes(s);
            case "utf-16":
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(s)];
            case "utf-16-le":
                return Encoding.Unicode.GetBytes(s);
            case "utf-16-be":
                return Encoding.BigEndianUnicode.GetBytes(s);
            case "utf-32":
                return [0xFF, 0xFE, 0, 0, .. Utf32(s, codec, bigEndian: false, errors)];
            default:
                return Utf32(s, codec, codec == "utf-32-be", errors);
        }
    }

    /// <summary>Decodes <paramref name="data"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> data, string encoding, string errors)
    {
        string codec = Normalize(encoding);
        switch (codec)
        {
            case "latin-1":
                return Encoding.Latin1.GetString(data);
            case "ascii":
                var sb = new StringBuilder(data.Length);
                for (int i = 0; i < data.Length; i++)
                {
                    if (data[i] < 128)
                    {
                        sb.Append((char)data[i]);
                    }
                    else if (errors == "replace")
                    {
                        sb.Append('\uFFFD');
                    }
                    else if (errors is "surrogateescape" or "backslashreplace")
                    {
                        AppendBad(sb, data[i..(i + 1)], errors);
                    }
                    else if (errors != "ignore")
                    {
                        throw DecodeError(codec, data, i, i + 1, "ordinal not in range(128)");
                    }
                }

                return sb.ToString();
            case "utf-8":
                return DecodeUtf8(data, errors);
            case "utf-16":
                return data.Length >= 2 && data[0] == 0xFE && data[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(data[2..])
                    : Encoding.Unicode.GetString(data.Length >= 2 && data[0] == 0xFF && data[1] == 0xFE ? data[2..] : data);
            case "utf-16-le":
                return Encoding.Unicode.GetString(data);
            case "utf-16-be":
                return Encoding.BigEndianUnicode.GetString(data);
            case "utf-32-le":
                return Encoding.UTF32.GetString(data);
            case "utf-32-be":
                return new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(data);
            default:
                return data.Length >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF
                    ? new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(data[4..])
                    : Encoding.UTF32.GetString(data.Length >= 4 && data[0] == 0xFF && data[1] == 0xFE && data[2] == 0 && data[3] == 0 ? data[4..] : data);
        }
    }

    // Four bytes a code point; a lone surrogate is an error unless the handler passes or drops it.
    private static byte[] Utf32(string s, string codec, bool bigEndian, string errors)
    {
        var bytes = new List<byte>(s.Length * 4);
        int k = 0;
        for (int i = 0; i < s.Length; i++, k++)
        {
            int cp = Text.CodePoints.PairAt(s, i) ? char.ConvertToUtf32(s[i], s[++i]) : s[i];
            if (cp is >= 0xD800 and <= 0xDFFF && errors != "surrogatepass")
            {
                if (errors == "ignore")
                {
                    continue;
                }

                throw PyErr.Make("UnicodeEncodeError", $"'{codec}' codec can't encode character '\\u{cp:x4}' in position {k}: surrogates not allowed");
            }

            for (int b = 0; b < 4; b++)
            {
                bytes.Add((byte)(cp >> (8 * (bigEndian ? 3 - b : b))));
            }
        }

        return [.. bytes];
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> data, string errors)
    {
        var sb = new StringBuilder(data.Length);
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }

            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            string? reason = need < 0 ? "invalid start byte" : null;
            int end = i + 1;
            int cp = need switch { 1 => b & 0x1F, 2 => b & 0x0F, _ => b & 0x07 };
            for (int k = 1; reason is null && k <= need; k++)
            {
                if (i + k >= data.Length)
                {
                    reason = "unexpected end of data";
                    break;
                }

                byte c = data[i + k];
                byte lo = 0x80, hi = 0xBF;
                if (k == 1)
                {
                    (lo, hi) = b switch { 0xE0 => ((byte)0xA0, (byte)0xBF), 0xED => ((byte)0x80, (byte)0x9F), 0xF0 => ((byte)0x90, (byte)0xBF), 0xF4 => ((byte)0x80, (byte)0x8F), _ => (lo, hi) };
                }

                if (c < lo || c > hi)
                {
                    reason = "invalid continuation byte";
                    break;
                }

                cp = (cp << 6) | (c & 0x3F);
                end = i + k + 1;
            }

            if (reason is null)
            {
                sb.Append(char.ConvertFromUtf32(cp));
                i = end;
                continue;
            }

            if (errors == "strict")
            {
                throw DecodeError("utf-8", data, i, end, reason);
            }

            if (errors == "replace")
            {
                sb.Append('\uFFFD');
            }
            else if (errors != "ignore")
            {
                AppendBad(sb, data[i..end], errors);
            }

            i = end;
        }

        return sb.ToString();
    }

    // The decode handlers that keep the bad bytes: surrogateescape as U+DC80..U+DCFF, backslashreplace as \xNN.
    private static void AppendBad(StringBuilder sb, ReadOnlySpan<byte> bad, string errors)
    {
        foreach (byte b in bad)
        {
            _ = errors switch
            {
                "surrogateescape" => sb.Append((char)(0xDC00 + b)),
                "backslashreplace" => sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture)),
                _ => throw PyErr.Make("LookupError", $"unknown error handler name '{errors}'"),
            };
        }
    }

    private static PyException DecodeError(string codec, ReadOnlySpan<byte> data, int start, int end, string reason)
    {
        string what = end - start == 1
            ? $"byte 0x{data[start].ToString("x2", CultureInfo.InvariantCulture)} in position {start}"
            : $"bytes in position {start}-{end - 1}";
        return PyErr.Make("UnicodeDecodeError", $"'{codec}' codec can't decode {what}: {reason}");
    }
}
