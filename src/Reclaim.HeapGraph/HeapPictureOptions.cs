namespace Reclaim.HeapGraph;

/// <summary>What a <see cref="HeapPicture"/> shows.</summary>
public sealed class HeapPictureOptions
{
    /// <summary>The default for <see cref="MaxObjects"/>: a picture beyond a few hundred objects is no longer readable.</summary>
    public const int DefaultMaxObjects = 300;

    /// <summary>A title drawn above the picture; <see langword="null"/> for a plain description of what is shown.</summary>
    public string? Title { get; init; }

    /// <summary>A line of explanation drawn under the title; <see langword="null"/> for none.</summary>
    public string? Caption { get; init; }

    /// <summary>
    /// The id of an object whose why-alive chain is highlighted (<see cref="HeapSnapshot.WhyAlive(int)"/>); the chain's
    /// objects are always drawn. <see cref="HeapPicture.Around"/> highlights its centre unless this says otherwise.
    /// </summary>
    public int? Highlight { get; init; }

    /// <summary>At most this many objects are drawn; the rest are counted in a note. Must be positive.</summary>
    public int MaxObjects { get; init; } = DefaultMaxObjects;
}
