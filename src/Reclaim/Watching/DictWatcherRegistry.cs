namespace Reclaim;

/// <summary>
/// The runtime's dictionary watchers: up to <see cref="Capacity"/> callbacks in numbered slots (CPython's
/// <c>DICT_MAX_WATCHERS</c>). Each slot carries a generation that changes whenever the slot is taken or freed, so a
/// dictionary still marked for a cleared watcher never calls whoever takes that slot next.
/// </summary>
internal sealed class DictWatcherRegistry
{
    /// <summary>How many watchers a runtime can have at once.</summary>
    public const int Capacity = 8;

    private readonly DictWatcherCallback?[] _callbacks = new DictWatcherCallback?[Capacity];
    private readonly int[] _generations = new int[Capacity];
    private readonly IDictWatcherOwner?[] _owners = new IDictWatcherOwner?[Capacity];

    /// <summary>Takes the lowest free slot for <paramref name="callback"/>.</summary>
    /// <param name="callback">The watcher.</param>
    /// <param name="owner">Told when its watch is taken away by someone else; null for a user's plain watcher.</param>
    /// <returns>The watcher id.</returns>
    /// <exception cref="DictWatcherLimitException">All slots are in use.</exception>
    public int Add(DictWatcherCallback callback, IDictWatcherOwner? owner = null)
    {
        for (int id = 0; id < Capacity; id++)
        {
            if (_callbacks[id] is null)
            {
                _callbacks[id] = callback;
                _owners[id] = owner;
                _generations[id]++;
                return id;
            }
        }

        throw new DictWatcherLimitException(Capacity);
    }

    /// <summary>Frees a slot.</summary>
    /// <returns>The owner the slot had, to be told its watcher is gone.</returns>
    /// <exception cref="UnknownDictWatcherException">No watcher has that id.</exception>
    public IDictWatcherOwner? Remove(int watcherId, string operation)
    {
        Validate(watcherId, operation);
        IDictWatcherOwner? owner = _owners[watcherId];
        _callbacks[watcherId] = null;
        _owners[watcherId] = null;
        _generations[watcherId]++;
        return owner;
    }

    /// <summary>The owner of a registered watcher, if it has one.</summary>
    public IDictWatcherOwner? OwnerOf(int watcherId) => _owners[watcherId];

    /// <summary>Throws unless <paramref name="watcherId"/> names a registered watcher.</summary>
    /// <returns>The slot's current generation.</returns>
    /// <exception cref="UnknownDictWatcherException">No watcher has that id.</exception>
    public int Validate(int watcherId, string operation)
    {
        if ((uint)watcherId >= Capacity || _callbacks[watcherId] is null)
        {
            throw new UnknownDictWatcherException(watcherId, operation);
        }

        return _generations[watcherId];
    }

    /// <summary>The callback in a slot if the slot still has the generation a dictionary recorded, otherwise <see langword="null"/>.</summary>
    public DictWatcherCallback? Find(int watcherId, int generation) =>
        _generations[watcherId] == generation ? _callbacks[watcherId] : null;
}
