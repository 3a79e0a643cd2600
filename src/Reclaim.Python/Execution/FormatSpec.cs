using System.Globalization;
using System.Numerics;
using System.Text;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// The format-spec mini-language for built-in ints, floats and strs (<c>format(v, spec)</c>, f-strings,
/// <c>str.format</c>): <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>, with CPython's errors.
/// </summary>
internal static class FormatSpec
{
    /// <summary>Formats a built-in value by <paramref name="spec"/>.</summary>
    public static string Apply(Value v, string spec)
    {
        if (spec.Length == 0)
        {
            return Ops.StrOf(v);
        }

        Spec f = Parse(spec);
        string typeName = Ops.TypeName(v);
        if (v.Obj is string s)
        {
            if (f.Type is not ('\0' or 's'))
            {
                throw Unknown(f.Type, typeName);
            }

            if (f.Sign != '\0')
            {
                throw PyErr.ValueError("Sign not allowed in string format specifier");
            }

            if (f.Alternate)
            {
                throw PyErr.ValueError("Alternate form (#) not allowed in string format specifier");
            }

            if (f.Align == '=')
            {
                throw PyErr.ValueError("'=' alignment not allowed in string format specifier");
            }

            return Pad(f, string.Empty, f.Precision >= 0 && f.Precision < s.Length ? s[..Text.StrSearch.CodePointToUnit(s, f.Precision)] : s, '<');
        }

        bool isInt = v.IsSmallInt || v.IsBool || v.Obj is BigInt;
        if (isInt && f.Type is '\0' or 'd' or 'n' or 'b' or 'o' or 'x' or 'X' or 'c')
        {
            return FormatInt(v, f, typeName);
        }

        if (f.Type is not ('\0' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%'))
        {
            throw Unknown(f.Type, typeName);
        }

        return FormatFloat(Ops.ToDouble(v), f, isInt);
    }

    private static PyException Unknown(char type, string typeName) =>
        PyErr.ValueError($"Unknown format code '{type}' for object of type '{typeName}'");

    private static string FormatInt(Value v, Spec f, string typeName)
    {
        if (f.Precision >= 0)
        {
            throw PyErr.ValueError("Precision not allowed in integer format specifier");
        }

        Ops.TryBig(v, out BigInteger n);
        bool negative = n.Sign < 0;
        n = BigInteger.Abs(n);
        if (f.Type == 'c')
        {
            if (f.Sign != '\0')
            {
                throw PyErr.ValueError("Sign not allowed with integer format specifier 'c'");
            }

            return Pad(f, string.Empty, char.ConvertFromUtf32((int)n), '>');
        }

        if (f.Grouping == ',' && f.Type is 'b' or 'o' or 'x' or 'X' or 'n')
        {
            throw PyErr.ValueError($"Cannot specify ',' with '{f.Type}'.");
        }

        string digits = f.Type switch
        {
            'x' => ToBase(n, 16, false),
            'X' => ToBase(n, 16, true),
            'o' => ToBase(n, 8, false),
            'b' => ToBase(n, 2, false),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
        if (f.Grouping != '\0')
        {
            digits = Group(digits, f.Grouping, f.Type is 'b' or 'o' or 'x' or 'X' ? 4 : 3);
        }

        string prefix = !f.Alternate ? string.Empty : f.Type switch { 'x' => "0x", 'X' => "0X", 'o' => "0o", 'b' => "0b", _ => string.Empty };
        return Pad(f, SignText(negative, f.Sign) + prefix, digits, '>');
    }

    private static string FormatFloat(double d, Spec f, bool fromInt)
    {
        bool negative = d < 0 || (d == 0 && double.IsNegative(d));
        double abs = Math.Abs(d);
        bool upper = f.Type is 'E' or 'F' or 'G';
        string body;
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            body = double.IsNaN(d) ? "nan" : "inf";
            body = upper ? body.ToUpperInvariant() : body;
            body += f.Type == '%' ? "%" : string.Empty;
        }
        else
        {
            int p = f.Precision < 0 ? 6 : f.Precision;
            body = f.Type switch
            {
                'f' or 'F' => FloatFormat.Fixed(abs, p) + (f.Alternate && p == 0 ? "." : string.Empty),
                'e' or 'E' => FloatFormat.Exponent(abs, p, upper, f.Alternate),
                '%' => FloatFormat.Fixed(abs * 100, p) + (f.Alternate && p == 0 ? "." : string.Empty) + "%",
                'g' or 'G' or 'n' => FloatFormat.General(abs, p, upper, f.Alternate, false),
                _ when f.Precision >= 0 => FloatFormat.General(abs, p, false, f.Alternate, !fromInt),
                _ => fromInt ? FloatFormat.General(abs, 6, false, f.Alternate, false) is var g && !g.Contains('.') && !g.Contains('e') ? g + ".0" : FloatFormat.General(abs, 6, false, f.Alternate, false) : Ops.FloatRepr(abs),
            };
            if (f.Grouping != '\0')
            {
                int end = body.IndexOfAny(['.', 'e', 'E', '%']);
                body = Group(end < 0 ? body : body[..end], f.Grouping, 3) + (end < 0 ? string.Empty : body[end..]);
            }

            if (f.ZeroCoerce && negative && body.All(c => c is '0' or '.' or '%' or 'e' or 'E' or '+' or '-' or ',' or '_'))
            {
                negative = false;
            }
        }

        return Pad(f, SignText(negative, f.Sign), body, '>');
    }

    private static string SignText(bool negative, char sign) => negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : string.Empty;

    private static string Pad(Spec f, string sign, string body, char defaultAlign)
    {
        int pad = f.Width - sign.Length - Text.CodePoints.Length(body);
        if (pad <= 0)
        {
            return sign + body;
        }

        char align = f.Align == '\0' ? (f.ZeroPad ? '=' : defaultAlign) : f.Align;
        string fill = f.Fill ?? (f.ZeroPad ? "0" : " ");
        return align switch
        {
            '<' => sign + body + Repeat(fill, pad),
            '^' => Repeat(fill, pad / 2) + sign + body + Repeat(fill, pad - (pad / 2)),
            '=' => sign + Repeat(fill, pad) + body,
            _ => Repeat(fill, pad) + sign + body,
        };
    }

    // The fill is one code point, so an astral fill is two units.
    private static string Repeat(string fill, int n) =>
        fill.Length == 1 ? new string(fill[0], n) : string.Concat(Enumerable.Repeat(fill, n));

    private static string Group(string digits, char separator, int size)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % size == 0)
            {
                sb.Append(separator);
            }

            sb.Append(digits[i]);
        }

        return sb.ToString();
    }

    private static string ToBase(BigInteger n, int b, bool upper)
    {
        if (n.IsZero)
        {
            return "0";
        }

        const string lower = "0123456789abcdef", upperDigits = "0123456789ABCDEF";
        var chars = new List<char>();
        while (n > 0)
        {
            chars.Add((upper ? upperDigits : lower)[(int)(n % b)]);
            n /= b;
        }

        chars.Reverse();
        return new string([.. chars]);
    }

    private static Spec Parse(string spec)
    {
        var f = new Spec();
        int i = 0;
        int fillUnits = spec.Length >= 2 && Text.CodePoints.PairAt(spec, 0) ? 2 : 1;
        if (spec.Length > fillUnits && spec[fillUnits] is '<' or '>' or '^' or '=')
        {
            f.Fill = spec[..fillUnits];
            f.Align = spec[fillUnits];
            i = fillUnits + 1;
        }
        else if (spec[0] is '<' or '>' or '^' or '=')
        {
            f.Align = spec[0];
            i = 1;
        }

        if (i < spec.Length && spec[i] is '+' or '-' or ' ')
        {
            f.Sign = spec[i++];
        }

        if (i < spec.Length && spec[i] == 'z')
        {
            f.ZeroCoerce = true;
            i++;
        }

        if (i < spec.Length && spec[i] == '#')
        {
            f.Alternate = true;
            i++;
        }

        if (i < spec.Length && spec[i] == '0')
        {
            f.ZeroPad = true;
            i++;
        }

        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            f.Width = (f.Width * 10) + (spec[i++] - '0');
        }

        if (i < spec.Length && spec[i] is ',' or '_')
        {
            f.Grouping = spec[i++];
        }

        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            if (i >= spec.Length || !char.IsAsciiDigit(spec[i]))
            {
                throw PyErr.ValueError("Format specifier missing precision");
            }

            f.Precision = 0;
            while (i < spec.Length && char.IsAsciiDigit(spec[i]))
            {
                f.Precision = (f.Precision * 10) + (spec[i++] - '0');
            }
        }

        if (i < spec.Length)
        {
            f.Type = spec[i++];
        }

        if (i < spec.Length)
        {
            throw PyErr.ValueError("Invalid format specifier");
        }

        return f;
    }

    private sealed class Spec
    {
        public string? Fill;
        public char Align;
        public char Sign;
        public bool ZeroCoerce;
        public bool Alternate;
        public bool ZeroPad;
        public int Width;
        public char Grouping;
        public int Precision = -1;
        public char Type;
    }
}
