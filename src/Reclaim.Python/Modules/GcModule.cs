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

    // gc.collect(generation=2): CPython's messages for a bad generation; 0 when called from inside a collection
    // (a __del__ or callback that collects), as CPython's collector, already running, declines.
    private static long Collect(PyContext ctx, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        if (args.Length > 1)
        {
            throw PyErr.TypeError($"collect() takes at most 1 argument ({args.Length} given)");
        }

        Value g = args.Length == 1 ? args[0] : kwargs?.Get("generation") ?? default;
        if (kwargs is not null && kwargs.Count > (args.Length == 1 ? 0 : (g.IsNull ? 0 : 1)))
        {
            throw PyErr.TypeError("collect() got an unexpected keyword argument");
        }

        long generation = g.IsNull ? 2 : Ops.ToIndexBorrowed(g);
        if (generation < 0 || generation > 2)
        {
            throw PyErr.ValueError("invalid generation");
        }

        Gc gc = ctx.Runtime.Gc;
        return gc.IsCollecting ? 0 : gc.Collect((int)generation).Collected;
    }

    /// <summary>Creates the module (new reference).</summary>
    public static Value Create(PyContext ctx)
    {
        PyModule m = BuiltinModules.NewModule(ctx, "gc");
        Gc gc = ctx.Runtime.Gc;
        BuiltinModules.Def(ctx, m, "collect", (a, k) => Value.Int(Collect(ctx, a, k)));
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
        BuiltinModules.Def(ctx, m, "is_tracked", (a, k) => Value.Bool(GcTracking.IsTracked(ctx, a[0])));
        BuiltinModules.Def(ctx, m, "is_finalized", (a, k) => Value.Bool(a[0].Obj is PyObject o && o.State == RcObjectState.Finalized));
        BuiltinModules.Def(ctx, m, "set_threshold", (a, k) =>
        {
            gc.SetThreshold((int)Ops.ToIndexBorrowed(a[0]), a.Length > 1 ? (int)Ops.ToIndexBorrowed(a[1]) : null, a.Length > 2 ? (int)Ops.ToIndexBorrowed(a[2]) : null);
            return Value.None;
        });
        BuiltinModules.Def(ctx, m, "set_debug", (a, k) =>
        {
            gc.Debug = (GcDebugFlags)Ops.ToIndexBorrowed(a[0]);
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
        BuiltinModules.Def(ctx, m, "get_objects", (a, k) => ListOf(ctx, gc.GetObjects(a.Length > 0 && !a[0].IsNone ? (int)Ops.ToIndexBorrowed(a[0]) : null)));
        BuiltinModules.Def(ctx, m, "get_referrers", (a, k) => ListOf(ctx, gc.GetReferrers([.. a.ToArray().Select(v => v.Obj).OfType<PyObject>()])));
        BuiltinModules.Def(ctx, m, "get_referents", (a, k) => GcReferents.Of(ctx, a));
        m.Dict!.SetOwned(Value.Str("DEBUG_STATS"), Value.Int(1));
        m.Dict.SetOwned(Value.Str("DEBUG_COLLECTABLE"), Value.Int(2));
        m.Dict.SetOwned(Value.Str("DEBUG_UNCOLLECTABLE"), Value.Int(4));
        m.Dict.SetOwned(Value.Str("DEBUG_SAVEALL"), Value.Int(32));
        m.Dict.SetOwned(Value.Str("DEBUG_LEAK"), Value.Int(38));
        PyList callbacks = ctx.NewList();
        PyList garbage = ctx.NewList();
        m.Dict.Set(Value.Str("callbacks"), Value.Steal(callbacks));
        m.Dict.Set(Value.Str("garbage"), Value.Steal(garbage));
        gc.AddCallback((phase, info) =>
        {
            if (phase == GcCallbackPhase.Stop)
            {
                // gc.garbage becomes the only owner of what DEBUG_SAVEALL kept, so that clearing the list frees it.
                if (gc.Garbage.Count > 0 && garbage.IsAlive)
                {
                    foreach (RcObject saved in gc.Garbage)
                    {
                        if (saved is PyObject { IsAlive: true } po)
                        {
                            garbage.Append(Value.New(po));
                        }
                    }

                    gc.ClearGarbage();
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
                        Unraisable.Report(ctx, e, cb);
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
