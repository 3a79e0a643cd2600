using System.Text;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>printf-style <c>%</c> formatting of str: flags, width and precision (or <c>*</c>), <c>%(key)s</c> mappings.</summary>
internal static class Formatting
{
    /// <summary><c>format % args</c>.</summary>
    public static string PercentFormat(string format, Value args)
    {
        bool isMapping = args.Obj is PyDict and not PySet || (args.Obj is PyObject o && o is not PySequence && !Ops.TypeOf(args).Lookup("__getitem__").IsNull && args.Obj is not PyBytes);
        Value[] items = args.Obj is PyTuple t ? t.Span.ToArray() : [args];
        int next = 0;
        bool usedMapping = false;
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }

            i++;
            if (i >= format.Length)
            {
                throw PyErr.ValueError("incomplete format");
            }

            Value keyed = default;
            if (format[i] == '(')
            {
                if (!isMapping)
                {
                    throw PyErr.TypeError("format requires a mapping");
                }

                int close = format.IndexOf(')', i);
                if (close < 0)
                {
                    throw PyErr.ValueError("incomplete format key");
                }

                keyed = Ops.GetItem(args, Value.Str(format[(i + 1)..close]));
                usedMapping = true;
                i = close + 1;
            }

            try
            {
                var flags = new StringBuilder();
                while (i < format.Length && "-+ #0".Contains(format[i]))
                {
                    flags.Append(format[i++]);
                }

                string width = ReadNumber(format, ref i, items, ref next);
                string precision = string.Empty;
                if (i < format.Length && format[i] == '.')
                {
                    i++;
                    precision = "." + (ReadNumber(format, ref i, items, ref next) is { Length: > 0 } p ? p : "0");
                }

                if (i >= format.Length)
                {
                    throw PyErr.ValueError("incomplete format");
                }

                char conv = format[i];
                if (conv == '%')
                {
                    sb.Append('%');
                    continue;
                }

                Value v = keyed;
                if (v.IsNull)
                {
                    if (next >= items.Length)
                    {
                        throw PyErr.TypeError("not enough arguments for format string");
                    }

                    v = items[next++];
                }

                sb.Append(Convert(v, conv, flags.ToString(), width, precision, i));
            }
            finally
            {
                keyed.Drop();
            }
        }

        if (next < items.Length && args.Obj is PyTuple && !usedMapping)
        {
            throw PyErr.TypeError("not all arguments converted during string formatting");
        }

        if (next == 0 && !usedMapping && !isMapping && args.Obj is not PyTuple)
        {
            throw PyErr.TypeError("not all arguments converted during string formatting");
        }

        return sb.ToString();
    }

    private static string ReadNumber(string format, ref int i, Value[] items, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            if (next >= items.Length)
            {
                throw PyErr.TypeError("not enough arguments for format string");
            }

            Value w = items[next++];
            return w.IsSmallInt ? w.Bits.ToString(System.Globalization.CultureInfo.InvariantCulture) : throw PyErr.TypeError("* wants int");
        }

        int start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return format[start..i];
    }

    private static string Convert(Value v, char conv, string flags, string width, string precision, int index)
    {
        string align = flags.Contains('-') ? "<" : string.Empty;
        string sign = flags.Contains('+') ? "+" : flags.Contains(' ') ? " " : string.Empty;
        string alt = flags.Contains('#') ? "#" : string.Empty;
        string zero = flags.Contains('0') && !flags.Contains('-') ? "0" : string.Empty;
        if (conv is not ('s' or 'r' or 'a'))
        {
            // Numbers and characters format a subclass instance's value.
            v = Modules.ValueSubclasses.Unbox(v);
        }

        switch (conv)
        {
            case 's' or 'r' or 'a':
                string text = conv == 's' ? Ops.StrOf(v) : conv == 'r' ? Ops.Repr(v) : Modules.StrCase.Ascii(Ops.Repr(v));
                return FormatSpec.Apply(Value.Str(text), (align.Length > 0 ? "<" : ">") + width + precision);
            case 'c':
                string ch = v.Obj is string s1 && Text.CodePoints.Length(s1) == 1 ? s1 : v.IsSmallInt ? char.ConvertFromUtf32((int)v.Bits) : throw PyErr.TypeError("%c requires int or char");
                return FormatSpec.Apply(Value.Str(ch), (align.Length > 0 ? "<" : ">") + width);
            case 'd' or 'i' or 'u':
                return Number(IsNumber(v) ? Truncate(v) : throw PyErr.TypeError($"%{conv} format: a real number is required, not {Ops.TypeName(v)}"), align + sign + zero + width + "d");
            case 'x' or 'X' or 'o':
                if (!(v.IsSmallInt || v.IsBool || v.Obj is BigInt))
                {
                    throw PyErr.TypeError($"%{conv} format: an integer is required, not {Ops.TypeName(v)}");
                }

                return Number(v, align + sign + alt + zero + width + conv);
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                if (!IsNumber(v))
                {
                    throw PyErr.TypeError($"must be real number, not {Ops.TypeName(v)}");
                }

                return Number(Value.Float(Ops.ToDouble(v)), align + sign + alt + zero + width + (precision.Length > 0 ? precision : ".6") + conv);
            default:
                throw PyErr.ValueError($"unsupported format character '{conv}' (0x{(int)conv:x}) at index {index}");
        }
    }

    private static string Number(Value v, string spec) => FormatSpec.Apply(v, spec);

    private static bool IsNumber(Value v) => v.IsSmallInt || v.IsBool || v.IsFloat || v.Obj is BigInt;

    private static Value Truncate(Value v) =>
        v.IsFloat ? (double.IsFinite(v.AsFloat) ? Value.Int(new System.Numerics.BigInteger(Math.Truncate(v.AsFloat))) : throw PyErr.Overflow("cannot convert float infinity to integer")) : v;
}
