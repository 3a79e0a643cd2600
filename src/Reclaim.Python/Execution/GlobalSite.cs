using Reclaim.Python.Objects;

namespace Reclaim.Python.Execution;

/// <summary>
/// The inline cache of one global name's load (CPython 3.11's LOAD_GLOBAL specialisation, without its dict keys
/// versions): it remembers the entry index where the name was found, in the module's globals or, when absent there,
/// in builtins. An entry is confirmed by its key object still sitting at that index (a dict's keys are unique, so the
/// same key object there is the same entry, whatever happened in between); a builtins hit also needs the globals'
/// key set unchanged since the name was missed there (<see cref="PyDict.Mutations"/>), so a global defined later
/// shadows the builtin as it must.
/// </summary>
internal sealed class GlobalSite(string name)
{
    private readonly Value _key = Value.Str(string.Intern(name));

    private PyDict? _globals;
    private int _globalIndex = -1;
    private object? _globalKey;

    private PyDict? _builtins;
    private int _globalsMutations;
    private int _builtinIndex = -1;
    private object? _builtinKey;

    /// <summary>The name as a str key.</summary>
    public Value Key => _key;

    /// <summary>The value bound to the name (borrowed), or null when neither globals nor builtins has it.</summary>
    public Value Find(PyDict globals)
    {
        if (ReferenceEquals(globals, _globals))
        {
            if (_globalIndex >= 0)
            {
                Value[] keys = globals.Keys;
                int i = _globalIndex;
                if ((uint)i < (uint)keys.Length && ReferenceEquals(keys[i].Obj, _globalKey))
                {
                    return globals.Values[i];
                }
            }
            else if (globals.Mutations == _globalsMutations && _builtins is { } builtins)
            {
                Value[] keys = builtins.Keys;
                int i = _builtinIndex;
                if ((uint)i < (uint)keys.Length && ReferenceEquals(keys[i].Obj, _builtinKey))
                {
                    return builtins.Values[i];
                }
            }
        }

        return FindAndRemember(globals, Interpreter.PyContext.Current.Builtins);
    }

    private Value FindAndRemember(PyDict globals, PyDict builtins)
    {
        _globals = globals;
        _builtins = null;
        if (globals.TryFindIndex(_key, out int gi))
        {
            _globalIndex = gi;
            _globalKey = globals.Keys[gi].Obj;
            return globals.Values[gi];
        }

        _globalIndex = -1;
        _globalsMutations = globals.Mutations;
        if (builtins.TryFindIndex(_key, out int bi))
        {
            _builtins = builtins;
            _builtinIndex = bi;
            _builtinKey = builtins.Keys[bi].Obj;
            return builtins.Values[bi];
        }

        return default;
    }
}
