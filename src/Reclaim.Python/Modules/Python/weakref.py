# weakref for reclaim run, written on _weakref (the runtime's weak references).
from _weakref import ref, ReferenceType, ProxyType, CallableProxyType, proxy, getweakrefcount, getweakrefs
import atexit as _atexit

__all__ = ["ref", "ReferenceType", "ProxyType", "CallableProxyType", "getweakrefcount", "getweakrefs", "WeakValueDictionary",
           "WeakKeyDictionary", "WeakSet", "finalize", "WeakMethod", "proxy"]


class WeakMethod(ref):
    """A weak reference to a bound method: alive while both the instance and the function are."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def _died(_):
            me = own_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, obj, _died)
        self._func_ref = ref(func, _died)
        self._meth_type = type(meth)
        self._alive = True
        own_ref = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)


class KeyedRef(ref):
    pass


class _WeakMapping:
    """What both weak dictionaries share: the backing dict, the callback that forgets dead entries, and the
    operations written on items() alone."""

    def __init__(self, other=(), kw=None):
        self.data = {}
        self._remove = self._remover(ref(self))
        if other:
            self.update(other)
        if kw:
            self.update(kw)

    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def keys(self):
        return [k for k, v in self.items()]

    def values(self):
        return [v for k, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self.items())

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            pair = self._live_pair(key, value)
            if pair is not None:
                return pair

    def clear(self):
        self.data.clear()

    def copy(self):
        new = type(self)()
        for k, v in self.items():
            new[k] = v
        return new

    def __repr__(self):
        return "<%s at %s>" % (type(self).__name__, hex(id(self)))


class WeakValueDictionary(_WeakMapping):
    def __init__(self, other=(), /, **kw):
        _WeakMapping.__init__(self, other, kw)

    @staticmethod
    def _remover(selfref):
        def remove(wr):
            self = selfref()
            if self is not None and self.data.get(wr.key) is wr:
                del self.data[wr.key]
        return remove

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        wr = KeyedRef(value, self._remove)
        wr.key = key
        self.data[key] = wr

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

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

    def valuerefs(self):
        return list(self.data.values())

    @staticmethod
    def _live_pair(key, wr):
        o = wr()
        return None if o is None else (key, o)

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out


class WeakKeyDictionary(_WeakMapping):
    def __init__(self, dict=None):
        _WeakMapping.__init__(self, dict or ())

    @staticmethod
    def _remover(selfref):
        def remove(k):
            self = selfref()
            if self is not None:
                self.data.pop(k, None)
        return remove

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

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def keyrefs(self):
        return list(self.data)

    @staticmethod
    def _live_pair(wr, value):
        o = wr()
        return None if o is None else (o, value)

    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((o, v))
        return out


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

    def clear(self):
        self.data.clear()

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
            return "<finalize object at %s; dead>" % hex(id(self))
        return "<finalize object at %s; for %r at %s>" % (hex(id(self)), type(obj).__name__, hex(id(obj)))

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
