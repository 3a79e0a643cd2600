using System.Globalization;
using System.Numerics;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>The format-spec mini-language for built-in ints, floats and strs (<c>format(v, spec)</c>).</summary>
internal static class FormatSpec
{
    /// <summary>Formats a built-in value by <paramref name="spec"/>.</summary>
    public static string Apply(Value v, string spec)
    {
        if (spec.Length == 0)
        {
            return Ops.StrOf(v);
        }

        int i = 0;
        char fill = ' ', align = '\0';
        if (spec.Length >= 2 && "<>^=".Contains(spec[1]))
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if ("<>^=".Contains(spec[0]))
        {
            align = spec[0];
            i = 1;
        }

        char sign = '-';
        if (i < spec.Length && "+- ".Contains(spec[i]))
        {
            sign = spec[i++];
        }

        if (i < spec.Length && spec[i] == '0')
        {
            if (align == '\0')
            {
                fill = '0';
                align = '=';
            }

            i++;
        }

        int width = 0;
        while (i < spec.Length && char.IsDigit(spec[i]))
        {
            width = (width * 10) + (spec[i++] - '0');
        }

        bool comma = false;
        if (i < spec.Length && (spec[i] == ',' || spec[i] == '_'))
        {
            comma = true;
            i++;
        }

        int precision = -1;
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            precision = 0;
            while (i < spec.Length && char.IsDigit(spec[i]))
            {
                precision = (precision * 10) + (spec[i++] - '0');
            }
        }

        char type = i < spec.Length ? spec[i] : '\0';
        string body;
        bool negative = false;
        if (v.Obj is string s)
        {
            body = precision >= 0 && precision < s.Length ? s[..precision] : s;
            if (align == '\0')
            {
                align = '<';
            }
        }
        else
        {
            if (type is 'f' or 'F' or 'e' or 'E' or 'g' or 'G' or '%' || (v.IsFloat && type == '\0'))
            {
                double d = Ops.ToDouble(v);
                negative = d < 0 || (d == 0 && double.IsNegative(d));
                d = Math.Abs(d);
                int p = precision < 0 ? 6 : precision;
                body = type switch
                {
                    'f' or 'F' => d.ToString("F" + p, CultureInfo.InvariantCulture),
                    'e' or 'E' => FormatExp(d, p, type),
                    '%' => (d * 100).ToString("F" + p, CultureInfo.InvariantCulture) + "%",
                    'g' or 'G' => d.ToString("G" + (p == 0 ? 1 : p), CultureInfo.InvariantCulture),
                    _ => precision < 0 ? Ops.FloatRepr(d) : d.ToString("G" + precision, CultureInfo.InvariantCulture),
                };
                if (comma)
                {
                    int dot = body.IndexOf('.');
                    string intPart = dot < 0 ? body : body[..dot];
                    body = long.Parse(intPart, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture) + (dot < 0 ? string.Empty : body[dot..]);
                }
            }
            else
            {
                if (!Ops.TryBig(v, out BigInteger n))
                {
                    throw PyErr.ValueError($"Unknown format code '{type}' for object of type '{Ops.TypeName(v)}'");
                }

                negative = n.Sign < 0;
                n = BigInteger.Abs(n);
                body = type switch
                {
                    'x' => n.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'),
                    'X' => n.ToString("X", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'),
                    'o' => ToBase(n, 8),
                    'b' => ToBase(n, 2),
                    'c' => ((char)(int)n).ToString(),
                    _ => comma ? n.ToString("N0", CultureInfo.InvariantCulture) : n.ToString(CultureInfo.InvariantCulture),
                };
            }

            if (align == '\0')
            {
                align = '>';
            }
        }

        string signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : string.Empty;
        int pad = width - body.Length - signText.Length;
        if (pad <= 0)
        {
            return signText + body;
        }

        return align switch
        {
            '<' => signText + body + new string(fill, pad),
            '^' => new string(fill, pad / 2) + signText + body + new string(fill, pad - (pad / 2)),
            '=' => signText + new string(fill, pad) + body,
            _ => new string(fill, pad) + signText + body,
        };
    }

    private static string FormatExp(double d, int p, char type)
    {
        string r = d.ToString((type == 'E' ? "E" : "e") + p, CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['e', 'E']);
        int exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        return r[..(e + 1)] + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string ToBase(BigInteger n, int b)
    {
        if (n.IsZero)
        {
            return "0";
        }

        var chars = new List<char>();
        while (n > 0)
        {
            chars.Add((char)('0' + (int)(n % b)));
            n /= b;
        }

        chars.Reverse();
        return new string([.. chars]);
    }
}
