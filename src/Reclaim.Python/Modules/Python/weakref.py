# weakref for reclaim run, written on _weakref (the runtime's weak references).
from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs
import atexit as _atexit

__all__ = ["ref", "ReferenceType", "getweakrefcount", "getweakrefs", "WeakValueDictionary",
           "WeakKeyDictionary", "WeakSet", "finalize", "WeakMethod", "proxy"]


class WeakMethod(ref):
    def __new__(cls, meth, callback=None):
        obj = meth.__self__
        func = meth.__func__
        def _cb(arg):
            self = self_wr()
            if self is not None and not self._alive_flag_dead:
                self._alive_flag_dead = True
                if callback is not None:
                    callback(self)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive_flag_dead = False
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)


class KeyedRef(ref):
    pass


class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        self.data = {}
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self.data.get(wr.key) is wr:
                    del self.data[wr.key]
        self._remove = remove
        if other:
            self.update(other)
        if kw:
            self.update(kw)

    def _make(self, key, value):
        wr = KeyedRef(value, self._remove)
        wr.key = key
        return wr

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._make(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return len([k for k, wr in list(self.data.items()) if wr() is not None])

    def get(self, key, default=None):
        # A miss is the common case of a cache: no exception for it.
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if args:
                return args[0]
            raise
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out

    def keys(self):
        return [k for k, v in self.items()]

    def values(self):
        return [v for k, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def copy(self):
        new = WeakValueDictionary()
        for k, v in self.items():
            new[k] = v
        return new

    def __repr__(self):
        return "<WeakValueDictionary at %#x>" % id(self)


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len([1 for wr in list(self.data) if wr() is not None])

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out

    def keys(self):
        return [k for k, v in self.items()]

    def values(self):
        return [v for k, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<WeakKeyDictionary at %#x>" % id(self)


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = _remove
        if data is not None:
            for x in data:
                self.add(x)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len([1 for wr in list(self.data) if wr() is not None])

    def __iter__(self):
        return iter([o for o in [wr() for wr in list(self.data)] if o is not None])

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))


class finalize:
    _registry = {}
    _shutdown = False
    _index = 0
    _registered_with_atexit = False

    class _Info:
        pass

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            _atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = finalize._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._index
        finalize._index += 1
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        try:
            pending = [(f, i) for (f, i) in list(cls._registry.items()) if i.atexit]
            pending.sort(key=lambda item: item[1].index)
            while pending:
                f, i = pending.pop()
                if f in cls._registry:
                    f()
        finally:
            finalize._shutdown = True


def proxy(obj, callback=None):
    raise NotImplementedError("weakref.proxy is not supported by reclaim run yet")
