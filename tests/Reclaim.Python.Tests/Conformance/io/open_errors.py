# open()'s errors: missing files, directories, existing files with 'x', bad modes and arguments.
import io


def attempt(label, *args, **kwargs):
    try:
        f = open(*args, **kwargs)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "opened", f)
        f.close()


attempt("missing", "no-such-file.txt")
attempt("missing-w", "no-such-dir/x.txt", "w")
attempt("dir", ".")
attempt("dir-w", ".", "w")
attempt("empty", "")
with open("exists.txt", "w") as f:
    f.write("here")
attempt("exclusive", "exists.txt", "x")
attempt("notdir", "exists.txt/inner")
for mode in ["rw", "q", "rtb", "", "r+b+", "U", "rr", "tb"]:
    attempt("mode " + repr(mode), "exists.txt", mode)
attempt("unbuffered text", "exists.txt", "r", buffering=0)
attempt("binary encoding", "exists.txt", "rb", encoding="utf-8")
attempt("binary errors", "exists.txt", "rb", errors="strict")
attempt("binary newline", "exists.txt", "rb", newline="")
attempt("newline", "exists.txt", newline="x")
attempt("encoding", "exists.txt", encoding="no-such-codec")
attempt("path type", 3.5)
attempt("mode type", "exists.txt", 1)
attempt("encoding type", "exists.txt", encoding=1)
attempt("keyword", "exists.txt", bogus=1)
attempt("nothing")

try:
    open("no-such-file.txt")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, e.args, isinstance(e, OSError))
try:
    open(".")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
