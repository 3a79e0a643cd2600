using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// A key of an <see cref="RcDict"/>: either a string or a runtime object. Strings convert implicitly, and so does any
/// <see cref="RcObject"/>, so <c>dict.Set("x", value)</c> and <c>dict.Set(keyObject, value)</c> both read naturally.
/// </summary>
/// <remarks>
/// <para>
/// Equality: two string keys are equal when their characters are (ordinal comparison, as Python compares <c>str</c>);
/// two object keys are equal only when they are the same object (identity, Python's default for objects that do not
/// define <c>__eq__</c>). A string key never equals an object key. Identity keeps every look-up free of user code, so
/// no look-up can run a method of a key that is dying or being cleared; a language runtime that needs value equality
/// for its own key objects (small integers, tuples) interns them or maps them to strings.
/// </para>
/// <para>The default value holds neither and is refused by every dictionary operation; watchers receive it for events that have no key.</para>
/// </remarks>
public readonly struct RcDictKey : IEquatable<RcDictKey>
{
    private readonly object? _key;

    /// <summary>A string key.</summary>
    /// <param name="key">The string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public RcDictKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <summary>An object key, compared by identity.</summary>
    /// <param name="key">The runtime object.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public RcDictKey(RcObject key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <summary>Whether the key holds nothing (the default value, or a conversion from <see langword="null"/>).</summary>
    public bool IsNone => _key is null;

    /// <summary>Whether the key is a string.</summary>
    public bool IsString => _key is string;

    /// <summary>The string, or <see langword="null"/> when the key is not a string.</summary>
    public string? AsString => _key as string;

    /// <summary>The runtime object, or <see langword="null"/> when the key is not an object.</summary>
    public RcObject? AsObject => _key as RcObject;

    /// <summary>Converts a string to a key; <see langword="null"/> gives a key that holds nothing (refused by the dictionary).</summary>
    /// <param name="key">The string.</param>
    public static implicit operator RcDictKey(string? key) => key is null ? default : new RcDictKey(key);

    /// <summary>Converts a runtime object to a key; <see langword="null"/> gives a key that holds nothing (refused by the dictionary).</summary>
    /// <param name="key">The object.</param>
    public static implicit operator RcDictKey(RcObject? key) => key is null ? default : new RcDictKey(key);

    /// <summary>Whether two keys are equal (see the remarks for the rules).</summary>
    /// <param name="left">One key.</param>
    /// <param name="right">The other key.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(RcDictKey left, RcDictKey right) => left.Equals(right);

    /// <summary>Whether two keys differ.</summary>
    /// <param name="left">One key.</param>
    /// <param name="right">The other key.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(RcDictKey left, RcDictKey right) => !left.Equals(right);

    /// <summary>Builds a string key (the named alternative to the implicit conversion).</summary>
    /// <param name="key">The string.</param>
    /// <returns>The key.</returns>
    public static RcDictKey FromString(string key) => new(key);

    /// <summary>Builds an object key (the named alternative to the implicit conversion).</summary>
    /// <param name="key">The object.</param>
    /// <returns>The key.</returns>
    public static RcDictKey FromObject(RcObject key) => new(key);

    /// <inheritdoc/>
    public bool Equals(RcDictKey other) => _key is string text
        ? other._key is string otherText && string.Equals(text, otherText, StringComparison.Ordinal)
        : ReferenceEquals(_key, other._key);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RcDictKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _key switch
    {
        string text => StringComparer.Ordinal.GetHashCode(text),
        null => 0,
        _ => RuntimeHelpers.GetHashCode(_key),
    };

    /// <summary>The key for messages: a string in quotes, or the object's description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => _key switch
    {
        string text => $"'{text}'",
        null => "<no key>",
        _ => _key.ToString() ?? "<object>",
    };
}
