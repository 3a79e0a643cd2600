namespace Reclaim;

/// <summary>
/// The weak references to one object, oldest first. While the object has any, this list sits in the object's
/// owner word (<see cref="RcObject._owner"/>) and carries the owning runtime in its place.
/// </summary>
/// <remarks>
/// The first reference is held inline: most referents have exactly one weak reference, and the collector then
/// reaches it from the header with one pointer less to chase.
/// </remarks>
internal sealed class WeakRefList
{
    private WeakRef? _first;
    private WeakRef[]? _rest;

    public WeakRefList(Runtime runtime) => Runtime = runtime;

    /// <summary>The runtime that owns the referent.</summary>
    public Runtime Runtime { get; }

    public int Count { get; private set; }

    public WeakRef this[int index] => index == 0 ? _first! : _rest![index - 1];

    public void Add(WeakRef reference)
    {
        if (Count == 0)
        {
            _first = reference;
        }
        else
        {
            _rest ??= new WeakRef[2];
            if (Count - 1 == _rest.Length)
            {
                Array.Resize(ref _rest, _rest.Length * 2);
            }

            _rest[Count - 1] = reference;
        }

        Count++;
    }

    public void Remove(WeakRef reference)
    {
        int index = IndexOf(reference);
        if (index < 0)
        {
            return;
        }

        if (index == 0)
        {
            _first = Count > 1 ? _rest![0] : null;
            index = 1;
        }

        // Shift the later references down one place, keeping the age order.
        if (Count > 1)
        {
            Array.Copy(_rest!, index, _rest!, index - 1, Count - 1 - index);
            _rest![Count - 2] = null!;
        }

        Count--;
    }

    private int IndexOf(WeakRef reference)
    {
        for (int i = 0; i < Count; i++)
        {
            if (ReferenceEquals(this[i], reference))
            {
                return i;
            }
        }

        return -1;
    }
}
