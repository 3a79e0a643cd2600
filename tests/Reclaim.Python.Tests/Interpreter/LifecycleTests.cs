namespace Reclaim.Python.Tests.Interpreter;

/// <summary>CPython's object lifecycle under <c>reclaim run</c>; expected outputs are CPython 3.11.7's.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public void Temporaries_die_where_CPython_drops_them_and_cycles_at_collection()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            class D:
                def __init__(self, name): self.name = name
                def __del__(self): print("del", self.name)
            def f(x): return None
            f(D("temp")); print("after call")
            x = D("x"); x = None; print("after rebind")
            a = D("a"); a.me = a; del a
            import gc; gc.collect(); print("collected")
            try:
                raise KeyError("k")
            except KeyError as e:
                pass
            print("e" in dir())
            """);
        Assert.Equal("del temp\nafter call\ndel x\nafter rebind\ndel a\ncollected\nFalse\n", r.Stdout);
    }

    [Fact]
    public void Weakref_callbacks_finalize_and_atexit_run_in_CPython_order()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            import weakref, atexit
            class A: pass
            a = A()
            r = weakref.ref(a, lambda w: print("cb", w() is None))
            print(r() is a, weakref.getweakrefcount(a))
            del a
            print(r())
            d = weakref.WeakValueDictionary()
            b = A(); d['k'] = b
            print(len(d), 'k' in d)
            del b
            print(len(d))
            c = A()
            f = weakref.finalize(c, print, "finalized")
            atexit.register(print, "bye")
            del c
            print("end")
            """);
        Assert.Equal("True 1\ncb True\nNone\n1 True\n0\nfinalized\nend\nbye\n", r.Stdout);
        Assert.Equal(0, r.Status);
    }

    [Fact]
    public void An_exception_in_del_is_reported_as_unraisable()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            class C:
                def __del__(self):
                    raise ValueError("in del")
            c = C()
            del c
            print("went on")
            """);
        Assert.Equal("went on\n", r.Stdout);
        Assert.StartsWith("Exception ignored in: <function C.__del__ at 0x", r.Stderr);
        Assert.EndsWith("ValueError: in del\n", r.Stderr);
    }
}
