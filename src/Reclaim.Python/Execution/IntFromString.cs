using System.Globalization;
using System.Numerics;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// <c>int(text, base)</c> by CPython 3.11's rules: surrounding whitespace, one sign, a base prefix (<c>0x</c>, <c>0o</c>,
/// <c>0b</c>) that base 0 infers and bases 16/8/2 allow, single underscores between digits (and right after a prefix),
/// base 0 refusing leading zeros, any Unicode decimal digit (<c>'١٢٣'</c>, <c>'１２'</c>) as its ASCII digit, and the
/// 4300-digit limit for bases that are not powers of two.
/// </summary>
internal static class IntFromString
{
    /// <summary>CPython's default <c>sys.get_int_max_str_digits()</c>.</summary>
    public const int MaxDigits = 4300;

    /// <summary>The int that <paramref name="text"/> spells in <paramref name="numberBase"/> (0: inferred from a prefix).</summary>
    /// <param name="text">The text.</param>
    /// <param name="numberBase">0 or 2–36 (validated by the caller).</param>
    /// <returns>The int.</returns>
    /// <exception cref="PyException">ValueError when the text is no literal of that base.</exception>
    public static Value Parse(string text, int numberBase)
    {
        int end = text.Length;
        int i = 0;
        while (i < end && IsSpace(text[i]))
        {
            i++;
        }

        while (end > i && IsSpace(text[end - 1]))
        {
            end--;
        }

        bool negative = false;
        if (i < end && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }

        int b = numberBase;
        bool prefixed = false;
        if (i + 1 < end && text[i] == '0')
        {
            char marker = char.ToLowerInvariant(text[i + 1]);
            int prefixBase = marker switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
            if (prefixBase != 0 && (b == 0 || b == prefixBase))
            {
                b = prefixBase;
                prefixed = true;
                i += 2;
            }
        }

        // Base 0 without a prefix is decimal, where a leading zero is only allowed in zero itself ("00", "0_0").
        bool zeroOnly = b == 0 && i < end && text[i] == '0';
        if (b == 0)
        {
            b = 10;
        }

        BigInteger result = BigInteger.Zero;
        long small = 0;
        bool big = false;
        int digits = 0;
        bool underscoreAllowed = prefixed; // "0x_1f" is allowed, "_1" is not
        while (i < end)
        {
            char c = text[i];
            if (c == '_')
            {
                if (!underscoreAllowed)
                {
                    throw Invalid(text, numberBase);
                }

                underscoreAllowed = false;
                i++;
                continue;
            }

            int width = char.IsSurrogatePair(text, i) ? 2 : 1;
            int d = DigitValue(width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c);
            if (d >= b || (zeroOnly && d != 0))
            {
                throw Invalid(text, numberBase);
            }

            if (!big && small <= (long.MaxValue - d) / b)
            {
                small = (small * b) + d;
            }
            else
            {
                if (!big)
                {
                    result = small;
                    big = true;
                }

                result = (result * b) + d;
            }

            digits++;
            underscoreAllowed = true;
            i += width;
        }

        // No digits, or a trailing underscore.
        if (digits == 0 || text[end - 1] == '_')
        {
            throw Invalid(text, numberBase);
        }

        if (digits > MaxDigits && !BitOperations.IsPow2(b))
        {
            throw PyErr.ValueError($"Exceeds the limit ({MaxDigits} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit");
        }

        return big ? Value.Int(negative ? -result : result) : Value.Int(negative ? -small : small);
    }

    /// <summary>A digit's value: ASCII digits and letters, and any Unicode decimal digit; 99 for anything else.</summary>
    private static int DigitValue(int code)
    {
        if (code < 0x80)
        {
            return code switch
            {
                >= '0' and <= '9' => code - '0',
                >= 'a' and <= 'z' => code - 'a' + 10,
                >= 'A' and <= 'Z' => code - 'A' + 10,
                _ => 99,
            };
        }

        string s = char.ConvertFromUtf32(code);
        return CharUnicodeInfo.GetUnicodeCategory(s, 0) == UnicodeCategory.DecimalDigitNumber ? CharUnicodeInfo.GetDecimalDigitValue(s, 0) : 99;
    }

    /// <summary>Python's <c>str.isspace()</c> for one UTF-16 unit (.NET's white space plus the four separators U+001C–U+001F).</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    private static PyException Invalid(string text, int numberBase) =>
        PyErr.ValueError($"invalid literal for int() with base {numberBase}: {Ops.StrRepr(text)}");
}
