using System.Globalization;
using System.Numerics;
using System.Text;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>Values of numeric literals and the escape decoding of string and bytes literals.</summary>
internal static class Literals
{
    /// <summary>The value of a NUMBER token, as <see cref="Ast.ConstantValues"/> describes.</summary>
    /// <param name="text">The token text.</param>
    /// <returns>A long, BigInteger, double or Complex.</returns>
    public static object ParseNumber(string text)
    {
        string digits = text.Contains('_', StringComparison.Ordinal) ? text.Replace("_", string.Empty, StringComparison.Ordinal) : text;
        char last = digits[^1];
        if (last is 'j' or 'J')
        {
            return new Complex(0, ParseFloat(digits[..^1]));
        }

        if (digits.Length > 1 && digits[0] == '0' && digits[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = digits[1] is 'x' or 'X' ? 16 : digits[1] is 'o' or 'O' ? 8 : 2;
            return ParseRadix(digits.AsSpan(2), radix);
        }

        if (digits.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            return ParseFloat(digits);
        }

        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long small))
        {
            return small;
        }

        return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static double ParseFloat(string digits) => double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static object ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        BigInteger value = BigInteger.Zero;
        foreach (char c in digits)
        {
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            value = (value * radix) + d;
        }

        return value <= long.MaxValue ? (object)(long)value : value;
    }

    /// <summary>Decodes the escapes of a non-raw str literal body (CPython's unicode-escape rules).</summary>
    /// <param name="body">The text between the quotes.</param>
    /// <param name="lone">When given, receives the index (plus <paramref name="offset"/>) of every surrogate an escape
    /// produced: such a surrogate stays a code point of its own, see <see cref="Ast.CodePointString"/>.</param>
    /// <param name="offset">Added to the indices put in <paramref name="lone"/>.</param>
    /// <returns>The value.</returns>
    public static string DecodeString(ReadOnlySpan<char> body, List<int>? lone = null, int offset = 0)
    {
        if (body.IndexOf('\\') < 0)
        {
            return body.ToString();
        }

        var builder = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                builder.Append(c);
                continue;
            }

            int escape = i;
            char e = body[++i];
            switch (e)
            {
                case '\n': break;
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case >= '0' and <= '7':
                    builder.Append((char)Octal(body, ref i));
                    break;
                case 'x':
                    builder.Append((char)Hex(body, escape, ref i, 2, "truncated \\xXX escape"));
                    break;
                case 'u':
                    int unit = Hex(body, escape, ref i, 4, "truncated \\uXXXX escape");
                    builder.Append((char)unit);
                    NoteSurrogate(builder, unit, lone, offset);
                    break;
                case 'U':
                    int code = Hex(body, escape, ref i, 8, "truncated \\UXXXXXXXX escape");
                    if (code > 0x10FFFF)
                    {
                        throw new EscapeError("illegal Unicode character", escape, i + 1);
                    }

                    builder.Append(code < 0x10000 ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    NoteSurrogate(builder, code, lone, offset);
                    break;
                case 'N':
                    builder.Append(UnicodeName(body, escape, ref i));
                    break;
                default:
                    builder.Append('\\').Append(e);
                    break;
            }
        }

        return builder.ToString();
    }

    // Called after an escape appended the code point `code`: a surrogate code point is one lone char.
    private static void NoteSurrogate(StringBuilder builder, int code, List<int>? lone, int offset)
    {
        if (lone is not null && code is >= 0xD800 and <= 0xDFFF)
        {
            lone.Add(offset + builder.Length - 1);
        }
    }

    /// <summary>Decodes the escapes of a non-raw bytes literal body.</summary>
    /// <param name="body">The text between the quotes (ASCII).</param>
    /// <returns>The bytes.</returns>
    public static byte[] DecodeBytes(ReadOnlySpan<char> body)
    {
        var bytes = new List<byte>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                bytes.Add((byte)c);
                continue;
            }

            int escape = i;
            char e = body[++i];
            switch (e)
            {
                case '\n': break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '"': bytes.Add((byte)'"'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case >= '0' and <= '7': bytes.Add((byte)Octal(body, ref i)); break;
                case 'x': bytes.Add((byte)Hex(body, escape, ref i, 2, $"invalid \\x escape at position {escape}")); break;
                default:
                    bytes.Add((byte)'\\');
                    bytes.Add((byte)e);
                    break;
            }
        }

        return bytes.ToArray();
    }

    private static int Octal(ReadOnlySpan<char> body, ref int i)
    {
        int value = body[i] - '0';
        for (int n = 1; n < 3 && i + 1 < body.Length && body[i + 1] is >= '0' and <= '7'; n++)
        {
            value = (value * 8) + (body[++i] - '0');
        }

        return value;
    }

    /// <summary>Reads <paramref name="count"/> hex digits after <c>body[i]</c>; the error spans from the backslash to the first non-digit.</summary>
    private static int Hex(ReadOnlySpan<char> body, int escape, ref int i, int count, string truncated)
    {
        int value = 0;
        for (int n = 0; n < count; n++)
        {
            if (i + 1 >= body.Length || !char.IsAsciiHexDigit(body[i + 1]))
            {
                throw new EscapeError(truncated, escape, i + 1);
            }

            char c = body[++i];
            value = (value * 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        return value;
    }

    /// <summary>
    /// <c>\N{name}</c> with <c>body[i]</c> on the N. CPython's spans: a missing or empty brace pair ends where the
    /// decoder stopped looking (the end of the body, the character after N, or the closing brace); an unknown name
    /// spans the whole escape.
    /// </summary>
    private static string UnicodeName(ReadOnlySpan<char> body, int escape, ref int i)
    {
        const string Malformed = "malformed \\N character escape";
        if (i + 1 >= body.Length || body[i + 1] != '{')
        {
            throw new EscapeError(Malformed, escape, i + 1);
        }

        int close = body[(i + 2)..].IndexOf('}');
        if (close < 0)
        {
            throw new EscapeError(Malformed, escape, body.Length);
        }

        close += i + 2;
        if (close == i + 2)
        {
            throw new EscapeError(Malformed, escape, close);
        }

        string name = body[(i + 2)..close].ToString();
        i = close;
        return UnicodeNames.Lookup(name) ?? throw new EscapeError("unknown Unicode character name", escape, close + 1);
    }
}
