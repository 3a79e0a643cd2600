using System.Diagnostics;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

/// <summary><c>gc</c>: collection, enable/disable, thresholds and counts, on the Reclaim collector.</summary>
internal static class GcModule
{
    private static Value ListOf(PyContext ctx, IEnumerable<RcObject> objects)
    {
        PyList list = ctx.NewList();
        foreach (RcObject o in objects)
        {
            if (o is PyObject po && po.IsAlive)
            {
                list.Append(Value.New(po));
            }
        }

        return Value.Steal(list);
    }

    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "gc");
        Gc gc = ctx.Runtime.Gc;
        BuiltinModules.Def(ctx, m, "collect", (a, k) => Value.Int(gc.Collect(a.Length > 0 ? (int)Ops.ToIndex(a[0]) : 2).Collected));
        BuiltinModules.Def(ctx, m, "enable", (a, k) =>
        {
            gc.Enable();
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "disable", (a, k) =>
        {
            gc.Disable();
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "isenabled", (a, k) => Value.Bool(gc.IsEnabled));
        BuiltinModules.Def(ctx, m, "get_threshold", (a, k) =>
        {
            (int t0, int t1, int t2) = gc.GetThreshold();
            return ctx.NewTuple([Value.Int(t0), Value.Int(t1), Value.Int(t2)]);
        });
        BuiltinModules.Def(ctx, m, "get_count", (a, k) =>
        {
            (int c0, int c1, int c2) = gc.GetCount();
            return ctx.NewTuple([Value.Int(c0), Value.Int(c1), Value.Int(c2)]);
        });
        BuiltinModules.Def(ctx, m, "is_tracked", (a, k) => Value.Bool(a[0].Obj is PyObject o && gc.IsTracked(o)));
        BuiltinModules.Def(ctx, m, "is_finalized", (a, k) => Value.Bool(a[0].Obj is PyObject o && o.State == RcObjectState.Finalized));
        BuiltinModules.Def(ctx, m, "set_threshold", (a, k) =>
        {
            gc.SetThreshold((int)Ops.ToIndex(a[0]), a.Length > 1 ? (int)Ops.ToIndex(a[1]) : null, a.Length > 2 ? (int)Ops.ToIndex(a[2]) : null);
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "set_debug", (a, k) =>
        {
            gc.Debug = (GcDebugFlags)Ops.ToIndex(a[0]);
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "get_debug", (a, k) => Value.Int((long)gc.Debug));
        BuiltinModules.Def(ctx, m, "freeze", (a, k) =>
        {
            gc.Freeze();
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "unfreeze", (a, k) =>
        {
            gc.Unfreeze();
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "get_freeze_count", (a, k) => Value.Int(gc.GetFreezeCount()));
        BuiltinModules.Def(ctx, m, "get_stats", (a, k) =>
        {
            PyList list = ctx.NewList();
            foreach (GenerationStats st in gc.GetStats())
            {
                PyDict d = ctx.NewDict();
                d.SetOwned(Value.Str("collections"), Value.Int(st.Collections));
                d.SetOwned(Value.Str("collected"), Value.Int(st.Collected));
                d.SetOwned(Value.Str("uncollectable"), Value.Int(st.Uncollectable));
                list.Append(Value.Steal(d));
            }

            return Value.Steal(list);
        });
        BuiltinModules.Def(ctx, m, "get_objects", (a, k) => ListOf(ctx, gc.GetObjects(a.Length > 0 && !a[0].IsNone ? (int)Ops.ToIndex(a[0]) : null)));
        BuiltinModules.Def(ctx, m, "get_referrers", (a, k) => ListOf(ctx, gc.GetReferrers([.. a.ToArray().Select(v => v.Obj).OfType<PyObject>()])));
        BuiltinModules.Def(ctx, m, "get_referents", (a, k) => ListOf(ctx, gc.GetReferents([.. a.ToArray().Select(v => v.Obj).OfType<PyObject>()])));
        m.Dict!.SetOwned(Value.Str("DEBUG_STATS"), Value.Int(1));
        m.Dict.SetOwned(Value.Str("DEBUG_COLLECTABLE"), Value.Int(2));
        m.Dict.SetOwned(Value.Str("DEBUG_UNCOLLECTABLE"), Value.Int(4));
        m.Dict.SetOwned(Value.Str("DEBUG_SAVEALL"), Value.Int(32));
        m.Dict.SetOwned(Value.Str("DEBUG_LEAK"), Value.Int(38));
        PyList callbacks = ctx.NewList();
        PyList garbage = ctx.NewList();
        m.Dict.Set(Value.Str("callbacks"), Value.Steal(callbacks));
        m.Dict.Set(Value.Str("garbage"), Value.Steal(garbage));
        int mirrored = 0;
        gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Stop)
            {
                IReadOnlyList<RcObject> saved = gc.Garbage;
                for (; mirrored < saved.Count; mirrored++)
                {
                    if (saved[mirrored] is PyObject { IsAlive: true } po && garbage.IsAlive)
                    {
                        garbage.Append(Value.New(po));
                    }
                }
            }

            if (!callbacks.IsAlive || callbacks.Count == 0)
            {
                return;
            }

            PyDict d = ctx.NewDict();
            d.SetOwned(Value.Str("generation"), Value.Int(info.Generation));
            d.SetOwned(Value.Str("collected"), Value.Int(info.Collected));
            d.SetOwned(Value.Str("uncollectable"), Value.Int(info.Uncollectable));
            Value dv = Value.Steal(d);
            Value p = Value.Str(phase == GcCallbackPhase.Start ? "start" : "stop");
            try
            {
                foreach (Value cb in callbacks.Span.ToArray())
                {
                    try
                    {
                        Ops.Call(cb, [p, dv], null).Drop();
                    }
                    catch (PyException e)
                    {
                        Unraisable.Report(ctx, "Exception ignored in garbage collection callback " + Ops.Repr(cb), e);
                    }
                }
            }
            finally
            {
                dv.Drop();
            }
        });
        return Value.Steal(m);
    }
}

/// <summary><c>math</c>: the common functions and constants.</summary>
internal static class MathModule
{
    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "math");
        m.Dict!.SetOwned(Value.Str("pi"), Value.Float(Math.PI));
        m.Dict.SetOwned(Value.Str("e"), Value.Float(Math.E));
        m.Dict.SetOwned(Value.Str("tau"), Value.Float(Math.Tau));
        m.Dict.SetOwned(Value.Str("inf"), Value.Float(double.PositiveInfinity));
        m.Dict.SetOwned(Value.Str("nan"), Value.Float(double.NaN));
        Unary(ctx, m, "sin", Math.Sin);
        Unary(ctx, m, "cos", Math.Cos);
        Unary(ctx, m, "tan", Math.Tan);
        Unary(ctx, m, "atan", Math.Atan);
        Unary(ctx, m, "exp", Math.Exp);
        Unary(ctx, m, "fabs", Math.Abs);
        BuiltinModules.Def(ctx, m, "sqrt", (a, k) => Ops.ToDouble(a[0]) is var d && d < 0 ? throw PyErr.ValueError("math domain error") : Value.Float(Math.Sqrt(d)));
        BuiltinModules.Def(ctx, m, "log", (a, k) => Ops.ToDouble(a[0]) is var d && d <= 0 ? throw PyErr.ValueError("math domain error") : Value.Float(a.Length > 1 ? Math.Log(d) / Math.Log(Ops.ToDouble(a[1])) : Math.Log(d)));
        BuiltinModules.Def(ctx, m, "floor", (a, k) => a[0].IsFloat ? NumberMethods.ToInt(Value.Float(Math.Floor(a[0].AsFloat)), -1) : NumberMethods.ToInt(a[0], -1));
        BuiltinModules.Def(ctx, m, "ceil", (a, k) => a[0].IsFloat ? NumberMethods.ToInt(Value.Float(Math.Ceiling(a[0].AsFloat)), -1) : NumberMethods.ToInt(a[0], -1));
        BuiltinModules.Def(ctx, m, "atan2", (a, k) => Value.Float(Math.Atan2(Ops.ToDouble(a[0]), Ops.ToDouble(a[1]))));
        BuiltinModules.Def(ctx, m, "hypot", (a, k) => Value.Float(Math.Sqrt(a.ToArray().Sum(v => Ops.ToDouble(v) * Ops.ToDouble(v)))));
        BuiltinModules.Def(ctx, m, "isclose", (a, k) => Value.Bool(Math.Abs(Ops.ToDouble(a[0]) - Ops.ToDouble(a[1])) <= 1e-09 * Math.Max(Math.Abs(Ops.ToDouble(a[0])), Math.Abs(Ops.ToDouble(a[1])))));
        return Value.Steal(m);
    }

    private static void Unary(PyContext ctx, PyModule m, string name, Func<double, double> f) =>
        BuiltinModules.Def(ctx, m, name, (a, k) => Value.Float(f(Ops.ToDouble(a[0]))));
}

/// <summary><c>time</c>: clocks and sleep.</summary>
internal static class TimeModule
{
    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "time");
        BuiltinModules.Def(ctx, m, "time", (a, k) => Value.Float(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0));
        BuiltinModules.Def(ctx, m, "perf_counter", (a, k) => Value.Float(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        BuiltinModules.Def(ctx, m, "monotonic", (a, k) => Value.Float(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        BuiltinModules.Def(ctx, m, "sleep", (a, k) =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(Ops.ToDouble(a[0])));
            return Value.None;
        });
        return Value.Steal(m);
    }
}
