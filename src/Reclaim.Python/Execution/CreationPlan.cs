using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// A class's cached answer to what calling it does, so that making an instance of an ordinary class costs no
/// <c>__new__</c>/<c>__init__</c>/<c>__del__</c> look-ups and no subtype checks: valid while <see cref="PyType.Epoch"/>
/// holds (any write to any class namespace, or a new class, retires every plan, as it retires the look-up cache).
/// Only the common shape is fast: the metatype is <c>type</c>, <c>__new__</c> is <c>object.__new__</c>, and
/// <c>__init__</c> is <c>object.__init__</c> or a Python function; any other class keeps a plan that says so.
/// </summary>
internal sealed class CreationPlan
{
    private CreationPlan(int epoch) => Epoch = epoch;

    /// <summary>The <see cref="PyType.Epoch"/> the plan was made under.</summary>
    public int Epoch { get; }

    /// <summary>Whether the class has the common shape (the other members are meaningful only then).</summary>
    public bool Fast { get; private init; }

    /// <summary>The class's Python <c>__init__</c>; null when it is <c>object.__init__</c> (the call takes no arguments).</summary>
    public PyFunction? Init { get; private init; }

    /// <summary>Whether instances take attributes (<see cref="PyType.HasInstanceDict"/>).</summary>
    public bool InstanceDict { get; private init; }

    /// <summary>Whether instances call <c>__del__</c> when they die.</summary>
    public bool HasDel { get; private init; }

    /// <summary>The plan of <paramref name="t"/> under the current epoch, made now if it has none or a stale one.</summary>
    public static CreationPlan Of(PyContext ctx, PyType t)
    {
        CreationPlan? plan = t.Creation;
        int epoch = PyType.Epoch;
        if (plan is not null && plan.Epoch == epoch)
        {
            return plan;
        }

        // The epoch is read before the look-ups: a class changed meanwhile leaves a plan that is already stale.
        plan = Make(ctx, t, epoch);
        t.Creation = plan;
        return plan;
    }

    private static CreationPlan Make(PyContext ctx, PyType t, int epoch)
    {
        if (t == ctx.TypeType || t.Type != ctx.TypeType || t.Factory is null || t.IsSubtypeOf(ctx.BaseExceptionType))
        {
            return new CreationPlan(epoch);
        }

        Value newFn = t.Lookup("__new__");
        if (newFn.Obj is PyBox sm && sm.Type == ctx.StaticMethodType)
        {
            newFn = sm.Slots[0];
        }

        if (!newFn.IsNull && !(newFn.Obj is PyBuiltin nb && nb.Owner == ctx.ObjectType))
        {
            return new CreationPlan(epoch);
        }

        Value init = t.Lookup("__init__");
        PyFunction? initFn = init.Obj as PyFunction;
        if (initFn is null && !(init.Obj is PyBuiltin ib && ib.Owner == ctx.ObjectType))
        {
            return new CreationPlan(epoch);
        }

        return new CreationPlan(epoch)
        {
            Fast = true,
            Init = initFn,
            InstanceDict = t.HasInstanceDict,
            HasDel = t.IsHeap && !t.Lookup("__del__").IsNull,
        };
    }

    /// <summary>
    /// Makes an instance of <paramref name="t"/> as <c>object.__new__</c> and the class's <c>__init__</c> would, when
    /// the arguments bind to <see cref="Init"/> directly (no keywords); null (and nothing done) otherwise, for the
    /// general path to take over.
    /// </summary>
    public Value TryCreate(PyContext ctx, PyType t, ReadOnlySpan<Value> args)
    {
        PyFunction? init = Init;

        // A class's own class can be reassigned without moving the epoch: the metatype is checked on every call.
        if (t.Type != ctx.TypeType || (init is null ? args.Length != 0 : !init.Code.BindsDirectly(args.Length + 1, init.Defaults.Length)))
        {
            return default;
        }

        PyObject? o = t.Factory!(t);
        if (o is null)
        {
            return default;
        }

        ctx.Runtime.AdoptReference(o);
        if (InstanceDict)
        {
            o.EnableAttributes();
        }

        if (HasDel)
        {
            o.EnableDel();
        }

        Value obj = Value.Steal(o);
        if (init is null)
        {
            return obj;
        }

        Value r;
        try
        {
            r = Evaluator.CallWithSelf(init, obj, args);
        }
        catch
        {
            obj.Drop();
            throw;
        }

        if (!r.IsNone)
        {
            r.Drop();
            obj.Drop();
            throw PyErr.TypeError($"__init__() should return None, not '{Ops.TypeName(r)}'");
        }

        return obj;
    }
}
