using System.Text;
using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary><c>str.format</c>: <c>{}</c>, <c>{0}</c>, <c>{name}</c>, <c>{x.attr}</c>, <c>{x[0]}</c>, <c>!r</c>, <c>:spec</c>.</summary>
internal static class StrFormat
{
    /// <summary>Formats.</summary>
    public static string Format(string format, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        var sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{')
            {
                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    sb.Append('{');
                    i++;
                    continue;
                }

                int end = format.IndexOf('}', i);
                if (end < 0)
                {
                    throw PyErr.ValueError("Single '{' encountered in format string");
                }

                string field = format[(i + 1)..end];
                i = end;
                string spec = string.Empty;
                char conv = '\0';
                int colon = field.IndexOf(':');
                if (colon >= 0)
                {
                    spec = field[(colon + 1)..];
                    field = field[..colon];
                }

                int bang = field.IndexOf('!');
                if (bang >= 0)
                {
                    conv = field[bang + 1];
                    field = field[..bang];
                }

                int split = field.IndexOfAny(['.', '[']);
                string head = split < 0 ? field : field[..split];
                Value v;
                if (head.Length == 0)
                {
                    v = args[auto++].Dup();
                }
                else if (int.TryParse(head, out int idx))
                {
                    v = args[idx].Dup();
                }
                else
                {
                    v = kwargs?.Get(head) ?? default;
                    if (v.IsNull)
                    {
                        throw PyErr.KeyError(Value.Str(head));
                    }

                    v = v.Dup();
                }

                string rest = split < 0 ? string.Empty : field[split..];
                while (rest.Length > 0)
                {
                    Value next;
                    if (rest[0] == '.')
                    {
                        int stop = rest.IndexOfAny(['.', '['], 1);
                        string attr = stop < 0 ? rest[1..] : rest[1..stop];
                        rest = stop < 0 ? string.Empty : rest[stop..];
                        next = Ops.GetAttr(v, attr);
                    }
                    else
                    {
                        int close = rest.IndexOf(']');
                        string key = rest[1..close];
                        rest = rest[(close + 1)..];
                        next = Ops.GetItem(v, int.TryParse(key, out int ki) ? Value.Int(ki) : Value.Str(key));
                    }

                    v.Drop();
                    v = next;
                }

                try
                {
                    string text = conv switch
                    {
                        'r' or 'a' => Ops.Format(Value.Str(Ops.Repr(v)), spec),
                        's' => Ops.Format(Value.Str(Ops.StrOf(v)), spec),
                        _ => Ops.Format(v, spec),
                    };
                    sb.Append(text);
                }
                finally
                {
                    v.Drop();
                }
            }
            else if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    i++;
                }

                sb.Append('}');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
