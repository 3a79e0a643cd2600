using System.Text;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>printf-style <c>%</c> formatting of str.</summary>
internal static class Formatting
{
    /// <summary><c>format % args</c>.</summary>
    public static string PercentFormat(string format, Value args)
    {
        Value[] items = args.Obj is PyTuple t ? t.Span.ToArray() : [args];
        int next = 0;
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

            int specStart = i;
            while (i < format.Length && "-+ #0123456789.".Contains(format[i]))
            {
                i++;
            }

            string flags = format[specStart..i];
            char conv = format[i];
            if (conv == '%')
            {
                sb.Append('%');
                continue;
            }

            if (next >= items.Length)
            {
                throw PyErr.TypeError("not enough arguments for format string");
            }

            Value v = items[next++];
            string body = conv switch
            {
                's' => Ops.StrOf(v),
                'r' => Ops.Repr(v),
                'd' or 'i' or 'x' or 'X' or 'o' or 'f' or 'F' or 'e' or 'E' or 'g' or 'G' => FormatSpec.Apply(v, ToSpec(flags, conv)),
                _ => throw PyErr.ValueError($"unsupported format character '{conv}' (0x{(int)conv:x}) at index {i}"),
            };
            if (conv is 's' or 'r')
            {
                body = FormatSpec.Apply(Value.Str(body), ToSpec(flags, 's'));
            }

            sb.Append(body);
        }

        if (next < items.Length && args.Obj is PyTuple)
        {
            throw PyErr.TypeError("not all arguments converted during string formatting");
        }

        return sb.ToString();
    }

    private static string ToSpec(string flags, char conv)
    {
        string align = flags.Contains('-') ? "<" : string.Empty;
        string rest = flags.Replace("-", string.Empty);
        if (conv == 'i')
        {
            conv = 'd';
        }

        return align + rest + (conv == 's' ? string.Empty : conv.ToString());
    }
}
