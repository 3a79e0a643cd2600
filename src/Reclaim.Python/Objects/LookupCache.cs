using System.Runtime.CompilerServices;

namespace Reclaim.Python.Objects;

/// <summary>
/// A process-wide cache of type attribute look-ups, as CPython's type method cache: (type, name) → what the MRO walk
/// found, valid while <see cref="PyType.Epoch"/> holds. Names are matched by reference (the names the interpreter
/// looks up are literals or interned by the compiler), so a name spelled by a different string object merely misses.
/// Entries are immutable objects replaced whole, so interpreters on other threads can share the table safely.
/// </summary>
internal static class LookupCache
{
    private const int Size = 4096;

    private static readonly Entry?[] s_entries = new Entry?[Size];

    /// <summary>Finds <paramref name="name"/> along <paramref name="type"/>'s MRO (borrowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Lookup(PyType type, string name)
    {
        int slot = (RuntimeHelpers.GetHashCode(type) ^ (RuntimeHelpers.GetHashCode(name) * 31)) & (Size - 1);
        Entry? e = s_entries[slot];
        if (e is not null && ReferenceEquals(e.Type, type) && ReferenceEquals(e.Name, name) && e.Epoch == PyType.Epoch)
        {
            return e.Value;
        }

        return Fill(type, name, slot);
    }

    private static Value Fill(PyType type, string name, int slot)
    {
        int epoch = PyType.Epoch;
        Value v = type.LookupUncached(name);
        s_entries[slot] = new Entry(type, name, epoch, v);
        return v;
    }

    // The value is borrowed from the type's namespace: any change there moves the epoch, which retires the entry.
    private sealed class Entry(PyType type, string name, int epoch, Value value)
    {
        public readonly PyType Type = type;
        public readonly string Name = name;
        public readonly int Epoch = epoch;
        public readonly Value Value = value;
    }
}
