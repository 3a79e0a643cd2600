using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// Runs a built-in's code. That code trusts the arguments it was given: one reading past them (too few given) or a
/// .NET cast that a missing check let through would otherwise escape as an exception of .NET's own and end the
/// program. Here it becomes a Python exception the program can catch: a TypeError for too few arguments, a
/// SystemError naming the built-in for anything else.
/// </summary>
internal static class NativeCalls
{
    /// <summary>Calls <paramref name="builtin"/>'s function with <paramref name="args"/> (the receiver first, for a method).</summary>
    public static Value Invoke(PyBuiltin builtin, ReadOnlySpan<Value> args, PyDict? kwargs)
    {
        int arity = builtin.FixedArity;
        if (arity >= 0 && args.Length - 1 != arity && args.Length > 0)
        {
            // A slot wrapper takes exactly its slot's arguments: CPython refuses extra ones as well as missing ones.
            throw PyErr.TypeError($"expected {arity} argument{(arity == 1 ? "" : "s")}, got {args.Length - 1}");
        }

        try
        {
            return builtin.Function(args, kwargs);
        }
        catch (IndexOutOfRangeException)
        {
            throw TooFewArguments(builtin, args.Length);
        }
        catch (Exception e) when (e is InvalidCastException or NullReferenceException or ArgumentException)
        {
            throw PyErr.Make("SystemError", $"reclaim internal error in {Describe(builtin)}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static PyException TooFewArguments(PyBuiltin builtin, int given)
    {
        // A method's receiver is not an argument in the messages.
        int arguments = builtin.IsMethod ? Math.Max(0, given - 1) : given;
        if (builtin.IsMethod && SlotArity(builtin.Name) is int expected)
        {
            return PyErr.TypeError($"expected {expected} argument{(expected == 1 ? "" : "s")}, got {arguments}");
        }

        return PyErr.TypeError($"{Describe(builtin)} missing required argument{(arguments == 0 ? "s" : "")} ({arguments} given)");
    }

    private static string Describe(PyBuiltin builtin) => builtin.Owner is { } owner ? $"{owner.Name}.{builtin.Name}()" : $"{builtin.Name}()";

    /// <summary>How many arguments CPython's slot wrapper for a special method takes besides the receiver, where fixed.</summary>
    public static int? SlotArity(string name) => name switch
    {
        "__repr__" or "__hash__" or "__str__" or "__iter__" or "__next__" or "__neg__" or "__pos__" or "__abs__"
            or "__bool__" or "__invert__" or "__int__" or "__float__" or "__index__" or "__len__" or "__await__"
            or "__aiter__" or "__anext__" or "__del__" => 0,
        "__setattr__" or "__setitem__" or "__set__" => 2,
        "__call__" or "__init__" or "__pow__" or "__rpow__" or "__ipow__" or "__get__" or "__new__" => null,
        _ when name.StartsWith("__", StringComparison.Ordinal) && MethodDescriptors.IsSlotName(name) => 1,
        _ => null,
    };
}
