namespace Reclaim;

/// <summary>
/// The checks behind the slow paths: traversal purity (I3) and use after shutdown. Traversal state belongs to the
/// lock holder, so callers check the lock first: another thread must hear "you do not hold the lock", never a
/// verdict about the holder's traversal.
/// </summary>
public sealed partial class Runtime
{
    internal bool IsTraversing => _traversalDepth != 0;

    internal void EnterTraversal()
    {
        if (_traversalDepth++ == 0)
        {
            Interlocked.Or(ref _guard, GuardTraversing);
            RevokeFastPath();
        }
    }

    internal void ExitTraversal()
    {
        if (--_traversalDepth == 0)
        {
            Interlocked.And(ref _guard, ~GuardTraversing);
            RefreshFastPath();
        }
    }

    /// <summary>Called by the slow paths of <see cref="RcObject.AddRef"/> and <see cref="RcObject.Release"/>.</summary>
    internal void CheckCountChange(RcObject obj, string operation)
    {
        if ((_guard & GuardTraversing) != 0)
        {
            throw ThrowHelper.Traversal(obj, operation);
        }

        if ((_guard & GuardShutDown) != 0)
        {
            throw ThrowHelper.RuntimeShutDown($"{operation} on a '{obj.GetType().Name}'");
        }
    }

    private void CheckAllocation(RcObject instance)
    {
        ThrowIfShutDown($"Allocate of a '{instance.GetType().Name}'");
        ThrowIfLockNotHeld(instance.GetType(), "Allocate");
        ThrowIfTraversing(instance, "Allocate");
    }

    internal void ThrowIfTraversing(RcObject? target, string operation)
    {
        if (_traversalDepth != 0)
        {
            throw new TraversalViolationException(target?.GetType() ?? typeof(Runtime), operation);
        }
    }

    internal void ThrowIfShutDown(string operation)
    {
        if ((_guard & GuardShutDown) != 0)
        {
            throw ThrowHelper.RuntimeShutDown(operation);
        }
    }

    internal void CheckOwnership(RcObject obj, string operation)
    {
        if (obj._owner == OwnerWord.None)
        {
            throw ThrowHelper.NotAdopted(obj, operation);
        }

        if (obj.OwnerIndex != _index)
        {
            throw ThrowHelper.WrongRuntime(obj, operation);
        }
    }
}
