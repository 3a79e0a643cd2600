namespace Reclaim;

/// <summary>The checks and count helpers both weak dictionaries use on themselves and on what is passed in.</summary>
internal static class WeakDictionaryChecks
{
    /// <summary>Throws unless <paramref name="dictionary"/> can be used: adopted, alive, not dying, runtime not shut down.</summary>
    /// <param name="dictionary">The weak dictionary.</param>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns>The dictionary's runtime.</returns>
    public static Runtime ThrowIfUnusable(RcObject dictionary, string operation)
    {
        Runtime runtime = dictionary.OwnerRuntime ?? throw ThrowHelper.NotAdopted(dictionary, operation);
        runtime.ThrowIfShutDown(operation);
        dictionary.ThrowIfNotAlive(operation);
        if (dictionary._refCount <= 0)
        {
            throw ThrowHelper.Freed(dictionary, operation);
        }

        return runtime;
    }

    /// <summary>Throws unless <paramref name="obj"/> belongs to <paramref name="runtime"/> and is alive and not dying.</summary>
    /// <param name="runtime">The dictionary's runtime.</param>
    /// <param name="obj">The key or value passed in.</param>
    /// <param name="operation">The operation, for the message.</param>
    public static void ValidateObject(Runtime runtime, RcObject obj, string operation)
    {
        runtime.CheckOwnership(obj, operation);
        obj.ThrowIfNotAlive(operation);
        if (obj._refCount <= 0)
        {
            throw ThrowHelper.Freed(obj, operation);
        }
    }

    /// <summary>Takes a reference to <paramref name="value"/> if it is a runtime object; other .NET values need none.</summary>
    /// <typeparam name="T">The static type.</typeparam>
    /// <param name="value">The value.</param>
    public static void AddRefIfObject<T>(T value)
    {
        if (value is RcObject obj)
        {
            obj.AddRef();
        }
    }

    /// <summary>Gives back a reference taken with <see cref="AddRefIfObject{T}(T)"/>.</summary>
    /// <typeparam name="T">The static type.</typeparam>
    /// <param name="value">The value.</param>
    public static void ReleaseIfObject<T>(T value)
    {
        if (value is RcObject obj)
        {
            obj.Release();
        }
    }
}
