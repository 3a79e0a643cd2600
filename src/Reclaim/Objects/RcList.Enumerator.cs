using System.Collections;

namespace Reclaim;

/// <content>The list's enumerator.</content>
public sealed partial class RcList<T>
{
    /// <summary>Enumerates an <see cref="RcList{T}"/>'s items, borrowed.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly RcList<T> _list;
        private readonly int _version;
        private int _index;
        private T? _current;

        internal Enumerator(RcList<T> list)
        {
            _list = list;
            _version = list._version;
            _index = 0;
            _current = null;
        }

        /// <summary>The item at the enumerator's position.</summary>
        public readonly T Current => _current ?? throw new InvalidOperationException("The enumeration has not started or has already finished.");

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next item.</summary>
        /// <returns>Whether there was one.</returns>
        /// <exception cref="InvalidOperationException">The list changed since the enumeration started.</exception>
        public bool MoveNext()
        {
            if (_version != _list._version)
            {
                throw new InvalidOperationException("The RcList changed during enumeration (an item was added, removed or replaced).");
            }

            if (_index < _list._count)
            {
                _current = _list._items[_index++];
                return true;
            }

            _current = null;
            return false;
        }

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }

        /// <summary>Restarts the enumeration.</summary>
        /// <exception cref="InvalidOperationException">The list changed since the enumeration started.</exception>
        public void Reset()
        {
            if (_version != _list._version)
            {
                throw new InvalidOperationException("The RcList changed during enumeration (an item was added, removed or replaced).");
            }

            _index = 0;
            _current = null;
        }
    }
}
