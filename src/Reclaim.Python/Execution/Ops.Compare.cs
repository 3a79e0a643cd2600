using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

internal static partial class Ops
{
    private static readonly string[] s_cmpNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    private static readonly string[] s_cmpSwapped = ["__gt__", "__ge__", "__eq__", "__ne__", "__lt__", "__le__"];
    private static readonly string[] s_cmpSymbols = ["<", "<=", "==", "!=", ">", ">="];

    /// <summary>A rich comparison as a truth value.</summary>
    public static bool RichBool(Value a, Value b, CompareOp op)
    {
        if (a.IsSmallInt && b.IsSmallInt)
        {
            return CompareResult(a.Bits.CompareTo(b.Bits), op);
        }

        Value r = Compare(a, b, op);
        if (r.IsBool)
        {
            return r.Bits != 0;
        }

        bool t = IsTrue(r);
        r.Drop();
        return t;
    }

    private static bool CompareResult(int c, CompareOp op) => op switch
    {
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    /// <summary>A rich comparison; returns a new reference.</summary>
    public static Value Compare(Value a, Value b, CompareOp op)
    {
        if (a.IsSmallInt && b.IsSmallInt)
        {
            return Value.Bool(CompareResult(a.Bits.CompareTo(b.Bits), op));
        }

        if (a.Obj is string s1 && b.Obj is string s2 && op is CompareOp.Eq or CompareOp.Ne)
        {
            return Value.Bool(string.Equals(s1, s2) == (op == CompareOp.Eq));
        }

        if (IsNumber(a) && IsNumber(b))
        {
            if (a.IsFloat || b.IsFloat)
            {
                int? order = a.IsFloat && b.IsFloat ? FloatOrder(a.AsFloat, b.AsFloat)
                    : a.IsFloat ? -IntFloatOrder(b, a.AsFloat) : IntFloatOrder(a, b.AsFloat);
                return Value.Bool(order is { } o ? CompareResult(o, op) : op == CompareOp.Ne);
            }

            TryBig(a, out BigInteger bx);
            TryBig(b, out BigInteger by);
            return Value.Bool(CompareResult(bx.CompareTo(by), op));
        }

        if (a.Obj is string sa && b.Obj is string sb)
        {
            return Value.Bool(CompareResult(Text.CodePoints.Compare(sa, sb), op));
        }

        if (a.Obj is PySequence qa && b.Obj is PySequence qb && qa.Type == qb.Type && !qa.Type.IsHeap)
        {
            return Value.Bool(CompareSequences(qa, qb, op));
        }

        PyContext ctx = PyContext.Current;
        PyType ta = TypeOf(a), tb = TypeOf(b);
        bool reflectedFirst = !ReferenceEquals(ta, tb) && tb.IsSubtypeOf(ta) && !tb.Lookup(s_cmpSwapped[(int)op]).IsNull;
        if (reflectedFirst)
        {
            Value r = TryCompare(b, a, s_cmpSwapped[(int)op]);
            if (!r.IsNull)
            {
                return r;
            }
        }

        Value r1 = TryCompare(a, b, s_cmpNames[(int)op]);
        if (!r1.IsNull)
        {
            return r1;
        }

        if (!reflectedFirst)
        {
            Value r2 = TryCompare(b, a, s_cmpSwapped[(int)op]);
            if (!r2.IsNull)
            {
                return r2;
            }
        }

        if (a.Obj is PyValueBox || b.Obj is PyValueBox)
        {
            // Subclasses of int, float or str that do not define the comparison compare their values.
            return Compare(Modules.ValueSubclasses.Unbox(a), Modules.ValueSubclasses.Unbox(b), op);
        }

        if (a.Obj is PyTuple qx && b.Obj is PyTuple qy)
        {
            // Tuple subclasses without their own comparison compare as tuples.
            return Value.Bool(CompareSequences(qx, qy, op));
        }

        switch (op)
        {
            case CompareOp.Eq:
                return Value.Bool(a.Is(b));
            case CompareOp.Ne:
                return Value.Bool(!a.Is(b));
        }

        _ = ctx;
        throw PyErr.TypeError($"'{s_cmpSymbols[(int)op]}' not supported between instances of '{ta.Name}' and '{tb.Name}'");
    }

    private static Value TryCompare(Value self, Value other, string name)
    {
        Value f = TypeOf(self).Lookup(name);
        if (f.IsNull)
        {
            return default;
        }

        if (name == "__ne__" && f.Obj is PyBuiltin { Owner: { } o } && o == PyContext.Current.ObjectType)
        {
            // object.__ne__ inverts __eq__ unless that is NotImplemented.
            Value eq = TryCompare(self, other, "__eq__");
            if (eq.IsNull)
            {
                return default;
            }

            bool t = IsTrue(eq);
            eq.Drop();
            return Value.Bool(!t);
        }

        if (f.Obj is PyBuiltin { Owner: { } owner } && owner == PyContext.Current.ObjectType)
        {
            return name == "__eq__" && self.Is(other) ? Value.True : default;
        }

        Value r = CallMethod(f, self, [other]);
        if (r.Is(PyContext.Current.NotImplemented))
        {
            return default;
        }

        return r;
    }

    // The order of two floats; null when either is a NaN (every comparison false but !=).
    private static int? FloatOrder(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);

    // The order of an int and a float, exact as CPython's: converting an int past 2^53 (or past the float range) to a
    // double first would round it (2**53 + 1 == 2.0**53 was true) or overflow.
    private static int? IntFloatOrder(Value i, double f)
    {
        if (double.IsNaN(f))
        {
            return null;
        }

        if (double.IsInfinity(f))
        {
            return f > 0 ? -1 : 1;
        }

        if (i.IsSmallInt || i.IsBool)
        {
            const long Exact = 1L << 53;
            if (i.Bits >= -Exact && i.Bits <= Exact)
            {
                return ((double)i.Bits).CompareTo(f);
            }
        }

        TryBig(i, out BigInteger n);
        double floor = Math.Floor(f);
        int c = n.CompareTo(new BigInteger(floor));
        return c != 0 ? c : (f > floor ? -1 : 0);
    }

    private static bool IsNumber(Value v) => v.Obj is Value.Tag { } && !v.IsNone || v.Obj is BigInt;

    internal static bool CompareSequences(PySequence a, PySequence b, CompareOp op)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            Value x = a.Items[i], y = b.Items[i];
            if (x.Is(y) || RichBool(x, y, CompareOp.Eq))
            {
                continue;
            }

            return op switch
            {
                CompareOp.Eq => false,
                CompareOp.Ne => true,
                _ => RichBool(x, y, op),
            };
        }

        return CompareResult(a.Count.CompareTo(b.Count), op);
    }

    /// <summary>The <c>in</c> operator: <paramref name="item"/> in <paramref name="container"/>.</summary>
    public static bool Contains(Value container, Value item)
    {
        switch (container.Obj)
        {
            case string s:
                if (item.Obj is not string sub)
                {
                    throw PyErr.TypeError($"'in <string>' requires string as left operand, not {TypeName(item)}");
                }

                return s.Contains(sub, StringComparison.Ordinal);
            case PyDict d when !d.Type.IsHeap || d.Type.Lookup("__contains__").Obj is PyBuiltin:
                return d.ContainsKey(item);
            case PySequence q when !q.Type.IsHeap || q.Type.Lookup("__contains__").Obj is PyBuiltin:
                foreach (Value v in q.Span)
                {
                    if (v.Is(item) || RichBool(v, item, CompareOp.Eq))
                    {
                        return true;
                    }
                }

                return false;
        }

        Value f = TypeOf(container).Lookup("__contains__");
        if (!f.IsNull)
        {
            Value r = CallMethod(f, container, [item]);
            bool t = IsTrue(r);
            r.Drop();
            return t;
        }

        Value it = GetIter(container);
        try
        {
            while (Next(it, out Value v))
            {
                bool eq = v.Is(item) || RichBool(v, item, CompareOp.Eq);
                v.Drop();
                if (eq)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            it.Drop();
        }
    }
}
