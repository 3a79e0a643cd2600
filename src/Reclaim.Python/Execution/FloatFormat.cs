using System.Numerics;

namespace Reclaim.Python.Execution;

/// <summary>
/// Exact decimal rounding of doubles, as CPython's <c>dtoa</c> does: the binary value is expanded exactly and rounded
/// half-to-even, so <c>round(2.675, 2)</c> is 2.67 (2.675 is stored as 2.67499999…) and <c>'%.2f'</c> agrees.
/// </summary>
internal static class FloatFormat
{
    /// <summary><paramref name="abs"/> × 10^<paramref name="p"/> rounded half-to-even to an integer (finite, non-negative input).</summary>
    public static BigInteger ScaledRound(double abs, int p)
    {
        long bits = BitConverter.DoubleToInt64Bits(abs);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        int e = exponent == 0 ? -1074 : exponent - 1075;
        BigInteger num = mantissa, den = BigInteger.One;
        if (e >= 0)
        {
            num <<= e;
        }
        else
        {
            den <<= -e;
        }

        if (p >= 0)
        {
            num *= BigInteger.Pow(10, p);
        }
        else
        {
            den *= BigInteger.Pow(10, -p);
        }

        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        BigInteger twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven))
        {
            q += 1;
        }

        return q;
    }

    /// <summary>Fixed notation with <paramref name="p"/> digits after the point.</summary>
    public static string Fixed(double abs, int p)
    {
        string digits = ScaledRound(abs, p).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (p <= 0)
        {
            return digits;
        }

        digits = digits.PadLeft(p + 1, '0');
        return digits[..^p] + "." + digits[^p..];
    }

    /// <summary>The <paramref name="p"/>+1 significant digits of <paramref name="abs"/> and its decimal exponent.</summary>
    public static (string Digits, int Exponent) Scientific(double abs, int p)
    {
        if (abs == 0)
        {
            return (new string('0', p + 1), 0);
        }

        int k = (int)Math.Floor(Math.Log10(abs));
        BigInteger low = BigInteger.Pow(10, p), high = low * 10;
        BigInteger q = ScaledRound(abs, p - k);
        if (q >= high)
        {
            k++;
            q = ScaledRound(abs, p - k);
        }
        else if (q < low)
        {
            k--;
            q = ScaledRound(abs, p - k);
            if (q >= high)
            {
                k++;
                q = ScaledRound(abs, p - k);
            }
        }

        return (q.ToString(System.Globalization.CultureInfo.InvariantCulture), k);
    }

    /// <summary>Exponent notation: <c>d.ddde+XX</c>.</summary>
    public static string Exponent(double abs, int p, bool upper, bool alternate)
    {
        (string digits, int exp) = Scientific(abs, p);
        string mantissa = digits.Length > 1 || alternate ? digits[..1] + "." + digits[1..] : digits;
        return mantissa + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>g</c> presentation (and, with <paramref name="noType"/>, the presentation of an empty type with a precision).</summary>
    public static string General(double abs, int p, bool upper, bool alternate, bool noType)
    {
        p = p == 0 ? 1 : p;
        (_, int exp) = Scientific(abs, p - 1);
        string body;
        bool scientific = exp < -4 || exp >= (noType ? p - 1 : p);
        if (!scientific)
        {
            body = Fixed(abs, p - 1 - exp);
            if (!alternate && body.Contains('.'))
            {
                body = body.TrimEnd('0').TrimEnd('.');
            }

            if (noType && !body.Contains('.'))
            {
                body += ".0";
            }

            return body;
        }

        body = Exponent(abs, p - 1, upper, alternate);
        if (!alternate)
        {
            int e = body.IndexOfAny(['e', 'E']);
            string mantissa = body[..e];
            if (mantissa.Contains('.'))
            {
                mantissa = mantissa.TrimEnd('0').TrimEnd('.');
            }

            body = mantissa + body[e..];
        }

        return body;
    }

    /// <summary><c>round(x, n)</c> for a float: correctly rounded, half to even.</summary>
    public static double Round(double x, long n)
    {
        if (double.IsNaN(x) || double.IsInfinity(x) || x == 0 || n > 330)
        {
            return x;
        }

        if (n < -330)
        {
            return 0.0 * Math.Sign(x);
        }

        BigInteger q = ScaledRound(Math.Abs(x), (int)n);
        double r = n >= 0
            ? double.Parse(q.ToString() + "e-" + n, System.Globalization.CultureInfo.InvariantCulture)
            : (double)(q * BigInteger.Pow(10, (int)-n));
        return x < 0 ? -r : r;
    }
}
