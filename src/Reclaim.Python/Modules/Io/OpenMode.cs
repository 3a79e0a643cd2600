using Reclaim.Python.Execution;

namespace Reclaim.Python.Modules.Io;

/// <summary>
/// The <c>mode</c> argument of <c>open()</c>, checked with CPython's messages: exactly one of <c>r</c>/<c>w</c>/<c>a</c>/<c>x</c>,
/// at most one <c>+</c>, <c>b</c> or <c>t</c> but not both, each letter once.
/// </summary>
internal sealed record OpenMode(bool Reading, bool Writing, bool Appending, bool Creating, bool Updating, bool Binary)
{
    /// <summary>Whether the file can be read (<c>r</c> or <c>+</c>).</summary>
    public bool Readable => Reading || Updating;

    /// <summary>Whether the file can be written (<c>w</c>, <c>a</c>, <c>x</c> or <c>+</c>).</summary>
    public bool Writable => Writing || Appending || Creating || Updating;

    /// <summary>The mode the binary layers report (<c>FileIO.mode</c>, <c>BufferedRandom.mode</c>): <c>rb</c>, <c>wb</c>, <c>ab+</c>…</summary>
    public string RawMode
    {
        get
        {
            // FileIO reports a read-write file opened with 'w+' as 'rb+', as CPython does.
            string first = Creating ? "x" : Appending ? "a" : Writing && !Updating ? "w" : "r";
            return first + "b" + (Updating ? "+" : "");
        }
    }

    /// <summary>Parses <paramref name="mode"/> or raises CPython's ValueError.</summary>
    public static OpenMode Parse(string mode)
    {
        bool r = false, w = false, a = false, x = false, plus = false, b = false, t = false;
        var seen = new HashSet<char>();
        foreach (char c in mode)
        {
            if ("rwaxb+t".IndexOf(c, StringComparison.Ordinal) < 0 || !seen.Add(c))
            {
                throw PyErr.ValueError($"invalid mode: '{mode}'");
            }

            switch (c)
            {
                case 'r': r = true; break;
                case 'w': w = true; break;
                case 'a': a = true; break;
                case 'x': x = true; break;
                case '+': plus = true; break;
                case 'b': b = true; break;
                default: t = true; break;
            }
        }

        if (t && b)
        {
            throw PyErr.ValueError("can't have text and binary mode at once");
        }

        int kinds = (r ? 1 : 0) + (w ? 1 : 0) + (a ? 1 : 0) + (x ? 1 : 0);
        if (kinds > 1)
        {
            throw PyErr.ValueError("must have exactly one of create/read/write/append mode");
        }

        if (kinds == 0)
        {
            throw PyErr.ValueError("Must have exactly one of create/read/write/append mode and at most one plus");
        }

        return new OpenMode(r, w, a, x, plus, b);
    }
}
