using Reclaim.Python.Execution;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

/// <summary>
/// One interpreter: its Reclaim runtime, its built-in types (made per interpreter because every Python object,
/// types included, belongs to exactly one runtime) and its streams. The running one is <see cref="Current"/>.
/// </summary>
internal sealed partial class PyContext
{
    [ThreadStatic]
    private static PyContext? t_current;

    private readonly Dictionary<string, PyType> _exceptionTypes = new();

    /// <summary>Creates the interpreter and its built-in types on the calling thread.</summary>
    public PyContext(Runtime runtime, TextWriter stdout, TextWriter stderr)
    {
        Runtime = runtime;
        Stdout = stdout;
        Stderr = stderr;
        t_current = this;
        TypeType = Runtime.AdoptReference(new PyType(null, "type", isHeap: false));
        TypeType.InitType(TypeType);
        ObjectType = NewBuiltinType("object", null);
        TypeType.SetBases([ObjectType]);
        TypeType.Factory = null;
        ObjectType.Factory = t => new PyObject(t);
        IntType = NewBuiltinType("int");
        BoolType = NewBuiltinType("bool", IntType);
        FloatType = NewBuiltinType("float");
        StrType = NewBuiltinType("str");
        NoneType = NewBuiltinType("NoneType");
        ListType = NewBuiltinType("list");
        ListType.Factory = t => new PyList(t);
        TupleType = NewBuiltinType("tuple");
        DictType = NewBuiltinType("dict");
        DictType.Factory = t => new PyDict(t);
        SetType = NewBuiltinType("set");
        SetType.Factory = t => new PySet(t);
        FrozenSetType = NewBuiltinType("frozenset");
        FrozenSetType.Factory = t => new PySet(t);
        FunctionType = NewBuiltinType("function");
        BuiltinType = NewBuiltinType("builtin_function_or_method");
        MethodType = NewBuiltinType("method");
        CellType = NewBuiltinType("cell");
        ModuleType = NewBuiltinType("module");
        RangeType = NewBuiltinType("range");
        SliceType = NewBuiltinType("slice");
        PropertyType = NewBuiltinType("property");
        StaticMethodType = NewBuiltinType("staticmethod");
        ClassMethodType = NewBuiltinType("classmethod");
        IteratorType = NewBuiltinType("iterator");
        GeneratorType = NewBuiltinType("generator");
        NotImplementedType = NewBuiltinType("NotImplementedType");
        EllipsisType = NewBuiltinType("ellipsis");
        SuperType = NewBuiltinType("super");
        BytesType = NewBuiltinType("bytes");
        NotImplemented = Value.Steal(Runtime.AdoptReference(new PyObject(NotImplementedType)));
        Ellipsis = Value.Steal(Runtime.AdoptReference(new PyObject(EllipsisType)));
        CreateExceptionTypes();
        Builtins = NewDict();
        Modules = NewDict();
    }

    /// <summary>The interpreter running on this thread.</summary>
    public static PyContext Current => t_current ?? throw new InvalidOperationException("no Python interpreter on this thread");

    /// <summary>The Reclaim runtime every object lives on.</summary>
    public Runtime Runtime { get; }

    /// <summary>Where <c>sys.stdout</c> writes.</summary>
    public TextWriter Stdout { get; set; }

    /// <summary>Where <c>sys.stderr</c> writes.</summary>
    public TextWriter Stderr { get; set; }

    /// <summary>The <c>builtins</c> namespace.</summary>
    public PyDict Builtins { get; }

    /// <summary><c>sys.modules</c>.</summary>
    public PyDict Modules { get; }

    /// <summary>The recursion limit (<c>sys.getrecursionlimit()</c>).</summary>
    public int RecursionLimit { get; set; } = 1000;

    /// <summary>Current Python call depth.</summary>
    public int Depth { get; set; }

    /// <summary>The innermost running frame.</summary>
    public Frame? TopFrame { get; set; }

    /// <summary>The exception being handled (<c>sys.exc_info()</c>), borrowed from the handler.</summary>
    public Value HandledException { get; set; }

    /// <summary>The program's source lines (for tracebacks), by file name.</summary>
    public Dictionary<string, string[]> SourceLines { get; } = new();

#pragma warning disable CS1591
    public PyType TypeType { get; }
    public PyType ObjectType { get; }
    public PyType IntType { get; }
    public PyType BoolType { get; }
    public PyType FloatType { get; }
    public PyType StrType { get; }
    public PyType NoneType { get; }
    public PyType ListType { get; }
    public PyType TupleType { get; }
    public PyType DictType { get; }
    public PyType SetType { get; }
    public PyType FrozenSetType { get; }
    public PyType FunctionType { get; }
    public PyType BuiltinType { get; }
    public PyType MethodType { get; }
    public PyType CellType { get; }
    public PyType ModuleType { get; }
    public PyType RangeType { get; }
    public PyType SliceType { get; }
    public PyType PropertyType { get; }
    public PyType StaticMethodType { get; }
    public PyType ClassMethodType { get; }
    public PyType IteratorType { get; }
    public PyType GeneratorType { get; }
    public PyType NotImplementedType { get; }
    public PyType EllipsisType { get; }
    public PyType SuperType { get; }
    public PyType BytesType { get; }
    public PyType BaseExceptionType { get; private set; } = null!;
    public Value NotImplemented { get; }
    public Value Ellipsis { get; }
#pragma warning restore CS1591

    /// <summary>Makes this the current interpreter of the calling thread.</summary>
    public void Enter() => t_current = this;

    /// <summary>Forgets the current interpreter of the calling thread.</summary>
    public static void Leave() => t_current = null;

    /// <summary>A built-in exception type by name.</summary>
    public PyType ExceptionType(string name) => _exceptionTypes[name];

    /// <summary>All built-in exception types.</summary>
    public IEnumerable<PyType> ExceptionTypes => _exceptionTypes.Values;

    /// <summary>A new empty dict (owned).</summary>
    public PyDict NewDict() => Runtime.AdoptReference(new PyDict(DictType));

    /// <summary>A new empty list (owned). references.</summary>
    public PyList NewList(int capacity = 0)
    {
        var list = new PyList(ListType);
        if (capacity > 0)
        {
            list.Items = new Value[capacity];
        }

        return Runtime.AdoptReference(list);
    }

    /// <summary>A new tuple taking over the references in <paramref name="owned"/>.</summary>
    public Value NewTuple(Value[] owned)
    {
        var t = new PyTuple(TupleType) { Items = owned, Count = owned.Length };
        return Value.Steal(Runtime.AdoptReference(t));
    }

    /// <summary>A new tuple with new references to <paramref name="borrowed"/>.</summary>
    public Value NewTupleOf(ReadOnlySpan<Value> borrowed)
    {
        var items = new Value[borrowed.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = borrowed[i].Dup();
        }

        return NewTuple(items);
    }

    /// <summary>A new exception of <paramref name="type"/> with new references to <paramref name="args"/>.</summary>
    public Value NewException(PyType type, ReadOnlySpan<Value> args)
    {
        var exc = Runtime.AdoptReference(new PyBaseException(type));
        exc.Args = NewTupleOf(args);
        if (type.IsHeap && type.HasInstanceDict)
        {
            exc.EnableAttributes();
        }

        return Value.Steal(exc);
    }

    /// <summary>A new built-in function (owned).</summary>
    public Value NewBuiltin(string name, NativeFunction fn) =>
        Value.Steal(Runtime.AdoptReference(new PyBuiltin(BuiltinType, name, fn)));

    /// <summary>Defines a method on a built-in type.</summary>
    public void DefMethod(PyType type, string name, NativeFunction fn) =>
        type.SetMember(name, Value.Steal(Runtime.AdoptReference(new PyBuiltin(BuiltinType, name, fn) { IsMethod = true, Owner = type })));

    /// <summary>Defines a built-in function in <c>builtins</c>.</summary>
    public void DefBuiltin(string name, NativeFunction fn)
    {
        Value f = NewBuiltin(name, fn);
        Builtins.SetOwned(Value.Str(name), f);
    }

    private PyType NewBuiltinType(string name, PyType? baseType = null)
    {
        var t = new PyType(TypeType, name, isHeap: false);
        Runtime.AdoptReference(t);
        t.SetBases(name == "object" ? [] : [baseType ?? ObjectType]);
        t.Factory = baseType?.Factory;
        return t;
    }

    private void CreateExceptionTypes()
    {
        (string Name, string Base)[] tree =
        [
            ("BaseException", ""), ("SystemExit", "BaseException"), ("KeyboardInterrupt", "BaseException"),
            ("GeneratorExit", "BaseException"), ("Exception", "BaseException"), ("StopIteration", "Exception"),
            ("StopAsyncIteration", "Exception"), ("ArithmeticError", "Exception"), ("FloatingPointError", "ArithmeticError"),
            ("OverflowError", "ArithmeticError"), ("ZeroDivisionError", "ArithmeticError"), ("AssertionError", "Exception"),
            ("AttributeError", "Exception"), ("BufferError", "Exception"), ("EOFError", "Exception"),
            ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"), ("LookupError", "Exception"),
            ("IndexError", "LookupError"), ("KeyError", "LookupError"), ("MemoryError", "Exception"),
            ("NameError", "Exception"), ("UnboundLocalError", "NameError"), ("OSError", "Exception"),
            ("FileNotFoundError", "OSError"), ("FileExistsError", "OSError"), ("PermissionError", "OSError"),
            ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"), ("TimeoutError", "OSError"),
            ("BlockingIOError", "OSError"), ("ChildProcessError", "OSError"), ("ConnectionError", "OSError"),
            ("BrokenPipeError", "ConnectionError"), ("ConnectionAbortedError", "ConnectionError"),
            ("ConnectionRefusedError", "ConnectionError"), ("ConnectionResetError", "ConnectionError"),
            ("InterruptedError", "OSError"), ("ProcessLookupError", "OSError"),
            ("ReferenceError", "Exception"), ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"),
            ("RecursionError", "RuntimeError"), ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"),
            ("TabError", "IndentationError"), ("SystemError", "Exception"), ("TypeError", "Exception"),
            ("ValueError", "Exception"), ("UnicodeError", "ValueError"), ("UnicodeDecodeError", "UnicodeError"),
            ("UnicodeEncodeError", "UnicodeError"), ("Warning", "Exception"), ("DeprecationWarning", "Warning"),
            ("UserWarning", "Warning"), ("RuntimeWarning", "Warning"), ("ResourceWarning", "Warning"),
            ("FutureWarning", "Warning"), ("PendingDeprecationWarning", "Warning"), ("SyntaxWarning", "Warning"),
            ("ImportWarning", "Warning"), ("UnicodeWarning", "Warning"), ("BytesWarning", "Warning"),
            ("EncodingWarning", "Warning"),
        ];
        foreach ((string name, string baseName) in tree)
        {
            PyType t = NewBuiltinType(name, baseName.Length == 0 ? ObjectType : _exceptionTypes[baseName]);
            t.Factory = type => new PyBaseException(type);
            t.WeakReferenceable = true;
            _exceptionTypes[name] = t;
        }

        BaseExceptionType = _exceptionTypes["BaseException"];
    }
}
