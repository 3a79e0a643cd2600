using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Reclaim;

/// <summary>
/// A growable list of counted references held inside a runtime object: the list owns one reference to each item.
/// Declare it as a field of exactly one object, report it with <see cref="Visitor.Visit{T}(RcList{T})"/> from
/// <see cref="RcObject.TraverseReferences"/> and empty it with <see cref="Clear"/> from <see cref="RcObject.ClearReferences"/>
/// (<see cref="RcTypeAttribute"/> writes both).
/// </summary>
/// <remarks>
/// <para>
/// Every operation that drops a reference first takes the item out of the list and only then releases it, as
/// CPython's <c>list_clear</c> and <c>Py_SETREF</c> do: releasing can run finalizers and weak-reference callbacks
/// that look at this very list, and they must find it already consistent. Operations that would have to release
/// are refused, with the list untouched, when the release would be refused (inside a traversal, a double release).
/// </para>
/// <para>
/// Items are never <see langword="null"/>. Reading an item is a borrow: the item is valid while the list holds it.
/// The list must not be shared between two objects: each owner's traversal would report the same references, and
/// the collector would count them twice.
/// </para>
/// </remarks>
/// <typeparam name="T">The runtime type of the items.</typeparam>
public sealed partial class RcList<T> : IReadOnlyList<T> where T : RcObject
{
    private T[] _items;
    private int _count;
    private int _version;

    // Set when the owner died (its ClearReferences emptied the list): later additions are refused, not leaked.
    private bool _closed;

    /// <summary>Creates an empty list.</summary>
    public RcList()
    {
        _items = [];
    }

    /// <summary>Creates an empty list with room for <paramref name="capacity"/> items before it grows.</summary>
    /// <param name="capacity">How many items fit without growing.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public RcList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _items = capacity == 0 ? [] : new T[capacity];
    }

    /// <summary>How many items the list holds.</summary>
    public int Count => _count;

    /// <summary>The items, borrowed, for the visitor: valid until the list next changes.</summary>
    internal ReadOnlySpan<T> Items => new(_items, 0, _count);

    /// <summary>The item at <paramref name="index"/>, borrowed: valid while the list holds it.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index]
    {
        get
        {
            CheckIndex(index);
            return _items[index];
        }
    }

    /// <summary>Appends <paramref name="item"/>, taking a new reference to it.</summary>
    /// <param name="item">The object to append.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReclaimException">The item cannot be referenced (not adopted, cleared or freed).</exception>
    public void Add(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckInsert(item, "RcList.Add");
        item.AddRef();
        InsertOwned(_count, item);
    }

    /// <summary>Appends a new reference, transferring its ownership to the list: the typed form of <see cref="AddOwned"/>.</summary>
    /// <typeparam name="TNew">The appended object's type.</typeparam>
    /// <param name="newReference">The reference to hand on; the caller must not use it afterwards.</param>
    /// <exception cref="InvalidOperationException"><paramref name="newReference"/> is empty.</exception>
    public void Add<TNew>(NewRef<TNew> newReference) where TNew : T => AddOwned(newReference.Value);

    /// <summary>
    /// Appends a reference the caller already owns (for example from <see cref="Runtime.Allocate{T}"/> or
    /// <see cref="Owned{T}.Take"/>), transferring that ownership to the list.
    /// </summary>
    /// <param name="newReference">An owned reference; the caller must not release it afterwards.</param>
    /// <exception cref="ArgumentNullException"><paramref name="newReference"/> is <see langword="null"/>.</exception>
    public void AddOwned(T newReference)
    {
        ArgumentNullException.ThrowIfNull(newReference);
        CheckInsert(newReference, "RcList.AddOwned");
        InsertOwned(_count, newReference);
    }

    /// <summary>Inserts <paramref name="item"/> at <paramref name="index"/>, taking a new reference to it.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> (which appends).</param>
    /// <param name="item">The object to insert.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..<see cref="Count"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReclaimException">The item cannot be referenced (not adopted, cleared or freed).</exception>
    public void Insert(int index, T item)
    {
        if ((uint)index > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Insert position must be between 0 and the list's count ({_count}).");
        }

        ArgumentNullException.ThrowIfNull(item);
        CheckInsert(item, "RcList.Insert");
        item.AddRef();
        InsertOwned(index, item);
    }

    /// <summary>
    /// Replaces the item at <paramref name="index"/> with <paramref name="item"/> (<c>Py_SETREF</c>): the new item is
    /// counted and stored before the old one is released.
    /// </summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> - 1.</param>
    /// <param name="item">The new item.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReclaimException">The item cannot be referenced, or the old one cannot be released now.</exception>
    public void Set(int index, T item)
    {
        CheckIndex(index);
        ArgumentNullException.ThrowIfNull(item);
        T old = _items[index];
        CheckInsert(item, "RcList.Set");
        old.EnsureReleasable();
        item.AddRef();
        _items[index] = item;
        _version++;
        old.ReleaseEnsured();
    }

    /// <summary>Removes the item at <paramref name="index"/> and then releases it.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    /// <exception cref="ReclaimException">The item cannot be released now (the list is left as it was).</exception>
    public void RemoveAt(int index)
    {
        CheckIndex(index);
        T old = _items[index];
        old.EnsureReleasable();
        RemoveSlot(index);
        old.ReleaseEnsured();
    }

    /// <summary>Removes the item at <paramref name="index"/> without releasing it, handing its reference to the caller.</summary>
    /// <param name="index">The position, from 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The item, whose reference the caller now owns and must release.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T TakeAt(int index)
    {
        CheckIndex(index);
        T old = _items[index];
        RemoveSlot(index);
        return old;
    }

    /// <summary>
    /// Empties the list and then releases every item it held, last first. The list is already empty when the first
    /// release runs, so code that the releases run sees an empty list (and may fill it again).
    /// </summary>
    /// <exception cref="ReclaimException">An item cannot be released now (the list is left as it was).</exception>
    public void Clear()
    {
        int count = _count;
        if (count == 0)
        {
            _closed |= Runtime.t_closing;
            return;
        }

        T[] items = _items;
        for (int i = 0; i < count; i++)
        {
            items[i].EnsureReleasable();
        }

        _items = [];
        _count = 0;
        _version++;
        _closed |= Runtime.t_closing;
        // Each release can run user code that changes what the next one may do: each is checked again.
        for (int i = count - 1; i >= 0; i--)
        {
            items[i].Release();
        }
    }

    /// <summary>Enumerates the items, borrowed. Changing the list during the enumeration ends it with an exception.</summary>
    /// <returns>An enumerator over the items.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A description for diagnostics.</summary>
    public override string ToString() => $"RcList<{typeof(T).Name}>(Count = {_count})";

    /// <summary>
    /// Refuses an item the list could never release (its owner died) or that belongs to another runtime than the items
    /// already held; every item of a list comes from one runtime.
    /// </summary>
    private void CheckInsert(T item, string operation)
    {
        if (_closed)
        {
            throw new OwnerNotAliveException(item.GetType(), operation);
        }

        if (_count != 0 && _items[0]._owner != item._owner
            && item.OwnerIndex is var index and not 0 && _items[0].OwnerIndex is var held and not 0 && index != held)
        {
            throw ThrowHelper.WrongRuntime(item, operation);
        }
    }

    private void InsertOwned(int index, T item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length == 0 ? 4 : _items.Length * 2);
        }

        if (index < _count)
        {
            Array.Copy(_items, index, _items, index + 1, _count - index);
        }

        _items[index] = item;
        _count++;
        _version++;
    }

    private void RemoveSlot(int index)
    {
        _count--;
        if (index < _count)
        {
            Array.Copy(_items, index + 1, _items, index, _count - index);
        }

        // The vacated slot must not keep a .NET reference to an object the list no longer counts.
        _items[_count] = null!;
        _version++;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            ThrowIndexOutOfRange(index);
        }
    }

    [DoesNotReturn]
    private void ThrowIndexOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and the list's count ({_count}) - 1.");
}
