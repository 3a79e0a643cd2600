using Reclaim.Python.Execution;
using Reclaim.Python.Execution.Traceback;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>Something a value can be stored into and deleted from: a name, attribute, item or unpacking.</summary>
internal abstract class Target
{
    /// <summary>Stores, taking over <paramref name="owned"/>.</summary>
    public abstract void Store(Frame frame, Value owned);

    /// <summary>Deletes (<c>del</c>).</summary>
    public abstract void Delete(Frame frame);

    /// <summary>Where a traceback points when storing or deleting fails (set by the code generator).</summary>
    public SourceSpan Span { get; set; }
}

/// <summary>A name resolved at compile time; also readable.</summary>
internal abstract class NameTarget(string name) : Target
{
    /// <summary>The variable's name.</summary>
    public string Name { get; } = name;

    /// <summary>Loads a new reference; throws NameError/UnboundLocalError.</summary>
    public abstract Value Load(Frame frame);
}

/// <summary>A function's local in a slot.</summary>
internal sealed class LocalName(string name, int slot) : NameTarget(name)
{
    /// <summary>The local's slot in <see cref="Frame.Locals"/>.</summary>
    public int Slot => slot;

    public override Value Load(Frame frame)
    {
        Value v = frame.Locals[slot];
        if (v.IsNull)
        {
            throw PyErr.Make("UnboundLocalError", $"cannot access local variable '{Name}' where it is not associated with a value");
        }

        return v.Dup();
    }

    public override void Store(Frame frame, Value owned)
    {
        Value old = frame.Locals[slot];
        frame.Locals[slot] = owned;
        old.Drop();
    }

    public override void Delete(Frame frame)
    {
        Value old = frame.Locals[slot];
        if (old.IsNull)
        {
            throw PyErr.Make("UnboundLocalError", $"cannot access local variable '{Name}' where it is not associated with a value");
        }

        frame.Locals[slot] = default;
        old.Drop();
    }
}

/// <summary>A variable in a cell (captured by, or taken from, another function).</summary>
internal sealed class CellName(string name, int index, bool free) : NameTarget(name)
{
    public override Value Load(Frame frame)
    {
        Value v = frame.Cells[index].Contents;
        if (v.IsNull)
        {
            throw free
                ? PyErr.NameError($"cannot access free variable '{Name}' where it is not associated with a value in enclosing scope", raw: true)
                : PyErr.Make("UnboundLocalError", $"cannot access local variable '{Name}' where it is not associated with a value");
        }

        return v.Dup();
    }

    public override void Store(Frame frame, Value owned)
    {
        PyCell cell = frame.Cells[index];
        Value old = cell.Contents;
        cell.Contents = owned;
        old.Drop();
    }

    public override void Delete(Frame frame)
    {
        PyCell cell = frame.Cells[index];
        Value old = cell.Contents;
        if (old.IsNull)
        {
            throw PyErr.Make("UnboundLocalError", $"cannot access local variable '{Name}' where it is not associated with a value");
        }

        cell.Contents = default;
        old.Drop();
    }
}

/// <summary>A module-level name: globals, then builtins.</summary>
internal sealed class GlobalName(string name) : NameTarget(name)
{
    private readonly GlobalSite _site = new(name);

    public override Value Load(Frame frame)
    {
        Value v = _site.Find(frame.Globals);
        if (v.IsNull)
        {
            throw PyErr.NameError(Name);
        }

        return v.Dup();
    }

    public override void Store(Frame frame, Value owned) => frame.Globals.SetOwned(_site.Key, owned);

    public override void Delete(Frame frame)
    {
        if (!frame.Globals.Remove(_site.Key))
        {
            throw PyErr.NameError(Name);
        }
    }
}

/// <summary>A name in a class body (or exec'd code): its namespace, then globals and builtins, or a cell.</summary>
internal sealed class NamespaceName(string name, int freeCell = -1) : NameTarget(name)
{
    private readonly Value _key = Value.Str(name);

    public override Value Load(Frame frame)
    {
        Value v = frame.Namespace!.Get(_key);
        if (!v.IsNull)
        {
            return v.Dup();
        }

        if (freeCell >= 0)
        {
            v = frame.Cells[freeCell].Contents;
            if (v.IsNull)
            {
                throw PyErr.NameError($"cannot access free variable '{Name}' where it is not associated with a value in enclosing scope", raw: true);
            }

            return v.Dup();
        }

        v = frame.Globals.Get(_key);
        if (v.IsNull)
        {
            v = PyContext.Current.Builtins.Get(_key);
            if (v.IsNull)
            {
                throw PyErr.NameError(Name);
            }
        }

        return v.Dup();
    }

    public override void Store(Frame frame, Value owned)
    {
        PyDict ns = frame.Namespace!;
        if (ns.Type.IsHeap && ns.Type.Lookup("__setitem__") is { IsNull: false } setitem && setitem.Obj is not PyBuiltin)
        {
            Ops.SetItem(Value.Steal(ns), _key, owned);
            owned.Drop();
            return;
        }

        ns.SetOwned(_key, owned);
    }

    public override void Delete(Frame frame)
    {
        if (!frame.Namespace!.Remove(_key))
        {
            throw PyErr.NameError(Name);
        }
    }
}

/// <summary>Reads a name.</summary>
internal sealed class NameLoad(NameTarget name) : ExprNode
{
    // A local's slot, read here without the virtual call through the target (the commonest node of all).
    private readonly int _slot = name is LocalName local ? local.Slot : -1;

    /// <summary>The resolved name.</summary>
    public NameTarget Name { get; } = name;

    /// <summary>The slot of a function's local, or -1 for any other name.</summary>
    public int LocalSlot => _slot;

    /// <summary>
    /// A bound local's value, borrowed (no count change): for a parent node whose own operation runs no Python code
    /// that could rebind the local while it uses the value. False for anything else.
    /// </summary>
    public bool TryBorrowLocal(Frame frame, out Value value)
    {
        if (_slot >= 0)
        {
            value = frame.Locals[_slot];
            return !value.IsNull;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// A bound local as a condition: a bool, an int, a float or None decides without a count change; anything else
    /// (whose truth may run Python code that rebinds the local) is tested on a new reference.
    /// </summary>
    public override bool Test(Frame frame)
    {
        if (_slot >= 0)
        {
            Value v = frame.Locals[_slot];
            if (v.IsBool || v.IsSmallInt)
            {
                return v.Bits != 0;
            }

            if (v.IsNone)
            {
                return false;
            }

            if (v.IsFloat)
            {
                return v.AsFloat != 0.0;
            }
        }

        return base.Test(frame);
    }

    public override Value Eval(Frame frame)
    {
        if (_slot >= 0)
        {
            Value v = frame.Locals[_slot];
            if (!v.IsNull)
            {
                return v.Dup();
            }
        }

        try
        {
            return Name.Load(frame);
        }
        catch (PyException e) when (TracebackRecorder.Record(e, frame, Span))
        {
            throw;
        }
    }
}
