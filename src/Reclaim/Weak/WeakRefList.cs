namespace Reclaim;

/// <summary>
/// The weak references to one object, oldest first. While the object has any, this list sits in a
/// <see cref="WeakListSlab"/> slot whose number the object's owner word holds (<see cref="OwnerWord.Weak"/>).
/// </summary>
/// <remarks>
/// <para>
/// The first reference is held inline: most referents have exactly one weak reference, and the collector then
/// reaches it from the header with one pointer less to chase.
/// </para>
/// <para>
/// Each reference remembers its slot, so removing one costs O(1): the slot becomes a hole, and holes are squeezed out
/// (keeping the age order) the next time the list is read by index. Removing N references one by one is O(N), not
/// O(N²) (issue 12, finding 7).
/// </para>
/// </remarks>
internal sealed class WeakRefList
{
    private WeakRef? _first;
    private WeakRef?[]? _rest;
    private int _used;
    private int _holes;
    private int _callbackless;

    /// <summary>How many references the list holds.</summary>
    public int Count => _used - _holes;

    /// <summary>Whether any reference without a callback is in the list (only those can be shared).</summary>
    public bool HasCallbackless => _callbackless != 0;

    public WeakRef this[int index]
    {
        get
        {
            if (_holes != 0)
            {
                Compact();
            }

            return Slot(index)!;
        }
    }

    public void Add(WeakRef reference)
    {
        if (_used == 0)
        {
            _first = reference;
        }
        else
        {
            _rest ??= new WeakRef?[2];
            if (_used - 1 == _rest.Length)
            {
                Array.Resize(ref _rest, _rest.Length * 2);
            }

            _rest[_used - 1] = reference;
        }

        reference._listSlot = _used;
        _used++;
        reference._listCallbackless = !reference.HasCallback;
        if (reference._listCallbackless)
        {
            _callbackless++;
        }
    }

    public void Remove(WeakRef reference)
    {
        int slot = reference._listSlot;
        if ((uint)slot >= (uint)_used || !ReferenceEquals(Slot(slot), reference))
        {
            return;
        }

        SetSlot(slot, null);
        reference._listSlot = -1;
        if (reference._listCallbackless)
        {
            _callbackless--;
        }

        if (slot == _used - 1)
        {
            // The newest goes (and any holes right before it): no hole left behind.
            _used--;
            while (_used > 0 && Slot(_used - 1) is null)
            {
                _used--;
                _holes--;
            }
        }
        else
        {
            _holes++;
        }
    }

    private WeakRef? Slot(int slot) => slot == 0 ? _first : _rest![slot - 1];

    private void SetSlot(int slot, WeakRef? reference)
    {
        if (slot == 0)
        {
            _first = reference;
        }
        else
        {
            _rest![slot - 1] = reference;
        }
    }

    /// <summary>Squeezes the holes out, keeping the age order and each reference's slot number right.</summary>
    private void Compact()
    {
        int next = 0;
        for (int slot = 0; slot < _used; slot++)
        {
            if (Slot(slot) is { } reference)
            {
                SetSlot(slot, null);
                SetSlot(next, reference);
                reference._listSlot = next;
                next++;
            }
        }

        _used = next;
        _holes = 0;
    }
}
