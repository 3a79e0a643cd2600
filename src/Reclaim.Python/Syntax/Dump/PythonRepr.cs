using System.Globalization;
using System.Numerics;
using System.Text;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Syntax.Dump;

/// <summary>Python's <c>repr</c> of the constant types a parse produces: str, bytes, int, float, complex, bool, None, Ellipsis.</summary>
internal static class PythonRepr
{
    /// <summary>Appends <c>repr(value)</c>.</summary>
    /// <param name="text">The output.</param>
    /// <param name="value">A value as <see cref="ConstantValues"/> describes.</param>
    public static void AppendConstant(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null: text.Append("None"); break;
            case bool b: text.Append(b ? "True" : "False"); break;
            case long l: text.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case BigInteger big: text.Append(big.ToString(CultureInfo.InvariantCulture)); break;
            case double d: text.Append(Float(d)); break;
            case Complex c: text.Append(ComplexRepr(c)); break;
            case string s: AppendString(text, s); break;
            case CodePointString s: AppendString(text, s.ToString(), s.LoneAt); break;
            case byte[] bytes: AppendBytes(text, bytes); break;
            default: text.Append(value.ToString()); break;
        }
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    /// <param name="value">The float.</param>
    /// <returns>The text.</returns>
    public static string Float(double value) => FloatDigits(value, forceFraction: true);

    private static string ComplexRepr(Complex value)
    {
        string imag = FloatDigits(value.Imaginary, forceFraction: false) + "j";
        if (value.Real == 0 && !double.IsNegative(value.Real))
        {
            return imag;
        }

        string sign = value.Imaginary >= 0 || double.IsNaN(value.Imaginary) ? "+" : string.Empty;
        return "(" + FloatDigits(value.Real, forceFraction: false) + sign + imag + ")";
    }

    private static string FloatDigits(double value, bool forceFraction)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            string zero = double.IsNegative(value) ? "-0" : "0";
            return forceFraction ? zero + ".0" : zero;
        }

        // "E16" is not shortest; "R" is: split it into digits and a decimal exponent.
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exponent;
        string digits;
        int e = shortest.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exp10 = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        digits = (intPart + fracPart).TrimStart('0');
        int leadingZeros = (intPart + fracPart).Length - digits.Length;
        exponent = intPart.Length - 1 + exp10 - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var text = new StringBuilder();
        if (value < 0)
        {
            text.Append('-');
        }

        if (exponent < -4 || exponent >= 16)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent < 0)
        {
            text.Append("0.").Append('0', -exponent - 1).Append(digits);
        }
        else if (digits.Length <= exponent + 1)
        {
            text.Append(digits).Append('0', exponent + 1 - digits.Length);
            if (forceFraction)
            {
                text.Append(".0");
            }
        }
        else
        {
            text.Append(digits, 0, exponent + 1).Append('.').Append(digits, exponent + 1, digits.Length - exponent - 1);
        }

        return text.ToString();
    }

    /// <summary>Appends Python's <c>repr(str)</c>.</summary>
    /// <param name="text">The output.</param>
    /// <param name="value">The string.</param>
    public static void AppendString(StringBuilder text, string value) => AppendString(text, value, null);

    /// <summary>Appends Python's <c>repr(str)</c> of a string whose listed UTF-16 indices are lone surrogates.</summary>
    /// <param name="text">The output.</param>
    /// <param name="value">The string.</param>
    /// <param name="lone">Whether the surrogate at an index stands alone even beside its partner (null: none does).</param>
    private static void AppendString(StringBuilder text, string value, Func<int, bool>? lone)
    {
        char quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        text.Append(quote);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == quote || c == '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                text.Append("\\t");
            }
            else if (c == '\n')
            {
                text.Append("\\n");
            }
            else if (c == '\r')
            {
                text.Append("\\r");
            }
            else if (c < 0x20 || c == 0x7f)
            {
                text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c < 0x7f)
            {
                text.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                && (lone is null || (!lone(i) && !lone(i + 1))))
            {
                int code = char.ConvertToUtf32(c, value[i + 1]);
                if (IsPrintable(code))
                {
                    text.Append(c).Append(value[i + 1]);
                }
                else
                {
                    text.Append("\\U").Append(code.ToString("x8", CultureInfo.InvariantCulture));
                }

                i++;
            }
            else if (IsPrintable(c))
            {
                text.Append(c);
            }
            else
            {
                text.Append(c < 0x100 ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture)
                    : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        text.Append(quote);
    }

    // Unicode 14's verdict (CPython 3.11's), not .NET's newer data: see Unicode14NonPrintable.
    private static bool IsPrintable(int code) => code < 0x80 ? code >= 0x20 && code != 0x7f : !Unicode14NonPrintable.Contains(code);

    /// <summary>Appends Python's <c>repr(bytes)</c>.</summary>
    /// <param name="text">The output.</param>
    /// <param name="value">The bytes.</param>
    public static void AppendBytes(StringBuilder text, byte[] value)
    {
        char quote = Array.IndexOf(value, (byte)'\'') >= 0 && Array.IndexOf(value, (byte)'"') < 0 ? '"' : '\'';
        text.Append('b').Append(quote);
        foreach (byte b in value)
        {
            if (b == quote || b == '\\')
            {
                text.Append('\\').Append((char)b);
            }
            else if (b == '\t')
            {
                text.Append("\\t");
            }
            else if (b == '\n')
            {
                text.Append("\\n");
            }
            else if (b == '\r')
            {
                text.Append("\\r");
            }
            else if (b < 0x20 || b >= 0x7f)
            {
                text.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)b);
            }
        }

        text.Append(quote);
    }
}
