namespace Reclaim.Python.Tests.Interpreter;

/// <summary>
/// Every method of the common built-in types, called with none, one or two of a handful of values of every kind:
/// whatever Python error each call raises, none ends in the interpreter's own exception (reported as SystemError)
/// and the program runs to its end.
/// </summary>
public sealed class BuiltinMisuseTests
{
    private const string Program = """
        def product(values, repeat):
            if repeat == 0:
                yield ()
                return
            for v in values:
                for rest in product(values, repeat - 1):
                    yield (v,) + rest

        kinds = [int, float, str, bytes, list, tuple, dict, set, frozenset, bool, range, slice, object, type,
                 property, staticmethod, classmethod, super, BaseException, Exception, enumerate, zip, map,
                 filter, reversed]
        values = [None, 0, -1, 2**70, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, object, len]
        skipped = {"__class__", "__subclasses__", "__init_subclass__", "__new__", "__del__", "mro", "__dir__"}
        calls = 0
        internal = []
        for kind in kinds:
            for name in sorted(set(dir(kind)) - skipped):
                method = getattr(kind, name)
                if not callable(method):
                    continue
                for count in range(3):
                    for args in product(values, count):
                        calls += 1
                        try:
                            method(*args)
                        except SystemError as e:
                            internal.append(f"{kind.__name__}.{name}{args!r}: {e}")
                        except BaseException:
                            pass
        print(calls > 50000, len(internal))
        for line in internal[:20]:
            print(line)
        """;

    [Fact]
    public void EveryBuiltinMethod_WithAnyArguments_RaisesPythonErrorsOnly()
    {
        ProgramRun.Outcome outcome = ProgramRun.Run(Program);

        Assert.Equal("", outcome.Stderr);
        Assert.Equal("True 0\n", outcome.Stdout);
        Assert.Equal(0, outcome.Status);
    }
}
