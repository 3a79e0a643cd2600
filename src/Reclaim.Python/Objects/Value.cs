using System.Numerics;
using System.Runtime.CompilerServices;

namespace Reclaim.Python.Objects;

/// <summary>
/// A Python value in 16 bytes: small ints, floats, bools and None are immediates (a tag object plus 64 bits) and cost
/// no allocation and no count; a <c>str</c> is a .NET string and a big int a <see cref="BigInt"/> box (atoms, never in
/// a cycle, so the collector need not see them); everything else is a <see cref="PyObject"/> on the Reclaim runtime.
/// The default value (<see cref="IsNull"/>) is "no value": an unbound local, a missing dictionary entry.
/// </summary>
internal readonly struct Value : IEquatable<Value>
{
    /// <summary>The reference part: a tag, a string, a big int or a heap object.</summary>
    public readonly object? Obj;

    /// <summary>The immediate part: the small int, the float's bits or the bool.</summary>
    public readonly long Bits;

    private Value(object? obj, long bits)
    {
        Obj = obj;
        Bits = bits;
    }

    /// <summary>Python's <c>None</c>.</summary>
    public static readonly Value None = new(Tag.None, 0);

    /// <summary>Python's <c>True</c>.</summary>
    public static readonly Value True = new(Tag.Bool, 1);

    /// <summary>Python's <c>False</c>.</summary>
    public static readonly Value False = new(Tag.Bool, 0);

    /// <summary>Whether this is "no value" rather than a Python object.</summary>
    public bool IsNull => Obj is null;

    /// <summary>Whether this is an int that fits 64 bits.</summary>
    public bool IsSmallInt => ReferenceEquals(Obj, Tag.Int);

    /// <summary>Whether this is a float.</summary>
    public bool IsFloat => ReferenceEquals(Obj, Tag.Float);

    /// <summary>Whether this is a bool.</summary>
    public bool IsBool => ReferenceEquals(Obj, Tag.Bool);

    /// <summary>Whether this is None.</summary>
    public bool IsNone => ReferenceEquals(Obj, Tag.None);

    /// <summary>Whether this is a str.</summary>
    public bool IsStr => Obj is string;

    /// <summary>The float's value (only when <see cref="IsFloat"/>).</summary>
    public double AsFloat => BitConverter.Int64BitsToDouble(Bits);

    /// <summary>The string's value (only when <see cref="IsStr"/>).</summary>
    public string AsStr => (string)Obj!;

    /// <summary>The heap object, or null for immediates and atoms.</summary>
    public PyObject? AsObject => Heap;

    /// <summary>
    /// The heap object, or null for immediates and atoms, without a class-hierarchy cast: the reference part is only
    /// ever null, a <see cref="Tag"/>, a string, a <see cref="BigInt"/> (sealed classes, so each test is one compare
    /// of the object's type) or a <see cref="PyObject"/>. This runs on every count change.
    /// </summary>
    public PyObject? Heap
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            object? o = Obj;
            return o is null || o.GetType() == typeof(Tag) || o.GetType() == typeof(string) || o.GetType() == typeof(BigInt)
                ? null
                : Unsafe.As<PyObject>(o);
        }
    }

    /// <summary>Makes an int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Int(long value) => new(Tag.Int, value);

    /// <summary>Makes an int from a big integer, narrowing it to an immediate when it fits.</summary>
    public static Value Int(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? new(Tag.Int, (long)value) : new(new BigInt(value), 0);

    /// <summary>Makes an int from a 128-bit integer, narrowing it to an immediate when it fits.</summary>
    public static Value Int(Int128 value) =>
        value >= long.MinValue && value <= long.MaxValue ? new(Tag.Int, (long)value) : new(new BigInt(value), 0);

    /// <summary>Makes a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Float(double value) => new(Tag.Float, BitConverter.DoubleToInt64Bits(value));

    /// <summary>Makes a bool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Bool(bool value) => value ? True : False;

    /// <summary>Makes a str.</summary>
    public static Value Str(string value) => new(value, 0);

    /// <summary>Wraps a heap object without taking a reference: the caller gives its reference to the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value Steal(PyObject obj) => new(obj, 0);

    /// <summary>Wraps a heap object and takes a new reference to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value New(PyObject obj)
    {
        obj.AddRef();
        return new(obj, 0);
    }

    /// <summary>Takes one more reference (<c>Py_INCREF</c>) and returns this value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Dup()
    {
        if (Heap is { } o)
        {
            o.AddRef();
        }

        return this;
    }

    /// <summary>Gives back one reference (<c>Py_DECREF</c>); immediates and atoms ignore it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Drop()
    {
        if (Heap is { } o)
        {
            o.Release();
        }
    }

    /// <summary>Identity (Python's <c>is</c>).</summary>
    public bool Is(Value other) =>
        ReferenceEquals(Obj, other.Obj) ? Bits == other.Bits || Obj is PyObject || Obj is string
        : (Obj is string a && other.Obj is string b && ReferenceEquals(a, b));

    /// <inheritdoc/>
    public bool Equals(Value other) => ReferenceEquals(Obj, other.Obj) && Bits == other.Bits;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Obj), Bits);

    /// <summary>The tags standing for the immediate kinds.</summary>
    internal sealed class Tag
    {
        public static readonly Tag Int = new();
        public static readonly Tag Float = new();
        public static readonly Tag Bool = new();
        public static readonly Tag None = new();
    }
}
