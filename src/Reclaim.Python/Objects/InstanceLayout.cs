namespace Reclaim.Python.Objects;

/// <summary>
/// What the instances of one class share about their inline attributes: the names in the order instances set them,
/// and how many value slots a new instance starts with. Instances of a class almost always set the same attributes in
/// the same order (in <c>__init__</c>), so each holds only its values and points at this one names array.
/// </summary>
/// <remarks>
/// The shared array only ever changes by a free slot taking a name (<see cref="Claim"/>); an instance whose attribute
/// order differs, or that deletes an attribute, copies the names it has into an array of its own first. So every
/// instance still reads its own names at the indexes below its count, whoever shares the array.
/// </remarks>
internal sealed class InstanceLayout
{
    /// <summary>The most inline attributes an instance keeps before it moves them into a real <c>__dict__</c>.</summary>
    public const int MaxInline = 16;

    /// <summary>The shared names (interned), <see cref="MaxInline"/> slots; a null slot is not claimed yet.</summary>
    public readonly string?[] Names = new string?[MaxInline];

    /// <summary>
    /// How many value slots a new instance gets: the most attributes an instance of the class has had so far, so that
    /// instances allocate neither too few slots (a resize) nor too many. Zero (no instance had any yet): a new instance
    /// gets none until its first attribute.
    /// </summary>
    public int Capacity;

    /// <summary>
    /// Whether slot <paramref name="index"/> of the shared names holds <paramref name="internedName"/>, claiming the
    /// slot for it when it is free. Another thread can claim the same slot at once: only one name wins.
    /// </summary>
    public bool Claim(int index, string internedName)
    {
        string? at = Names[index];
        if (ReferenceEquals(at, internedName))
        {
            return true;
        }

        if (at is not null)
        {
            return false;
        }

        at = Interlocked.CompareExchange(ref Names[index], internedName, null);
        return at is null || ReferenceEquals(at, internedName);
    }

    /// <summary>Records that an instance now has <paramref name="count"/> attributes.</summary>
    public void Grew(int count)
    {
        if (count > Capacity)
        {
            Capacity = count;
        }
    }
}
