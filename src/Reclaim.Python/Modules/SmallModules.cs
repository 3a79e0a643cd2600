using System.Diagnostics;
using Reclaim.Python.Execution;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Modules;

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
            double seconds = Ops.ToDouble(a[0]);
            if (seconds < 0 || double.IsNaN(seconds))
            {
                throw PyErr.ValueError(double.IsNaN(seconds) ? "Invalid value NaN (not a number)" : "sleep length must be non-negative");
            }

            Interrupts.Sleep(TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue / 1000.0)));
            return Value.None;
        });
        return Value.Steal(m);
    }
}
