# OSError(errno, strerror, ...) picks the subclass its errno names and fills errno/strerror/filename/filename2 (POSIX).
for code in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115, 5, 0, -1, 1000):
    e = OSError(code, "text")
    print(code, type(e).__name__, e, e.args)
print(type(OSError(True, "bool errno")).__name__)
print(type(OSError("2", "str errno")).__name__, type(OSError(2)).__name__, type(OSError(2, "a", "b", None, "c", "d")).__name__)
e = OSError(2, "No such file", "in.txt")
print(repr(e), str(e), e.args, e.filename, e.filename2)
e = OSError(17, "exists", "a", None, "b")
print(repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)
e = OSError(2, "gone", None, None, "b")
print(str(e), e.args, e.filename, e.filename2)
e = OSError("plain message")
print(str(e), e.errno, e.strerror, e.filename, repr(e))
print(str(OSError()), repr(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).errno)
print(hasattr(OSError(1, "x"), "winerror"), IOError is OSError, EnvironmentError is OSError)
e = FileNotFoundError(13, "sub stays")
print(type(e).__name__, e)
e = OSError(2, "x")
e.errno = 5
e.filename = "late"
print(e, e.errno)
for cls in (BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
            ConnectionRefusedError, ConnectionResetError, InterruptedError, ProcessLookupError, TimeoutError,
            FileExistsError, FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
try:
    raise OSError(2, "missing", "f")
except FileNotFoundError as caught:
    print("caught", type(caught).__name__, caught.errno)
class MyOSError(OSError):
    pass
print(type(MyOSError(2, "mine")).__name__, MyOSError(2, "mine"), MyOSError(2, "mine").errno)
