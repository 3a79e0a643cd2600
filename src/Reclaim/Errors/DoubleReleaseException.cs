namespace Reclaim;

/// <summary>A reference to an already freed object was released again: some owner released twice.</summary>
public sealed class DoubleReleaseException : ObjectFreedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectType">The freed object's type.</param>
    public DoubleReleaseException(Type objectType)
        : base(objectType, "Release", $"Release on a freed object of type '{objectType.Name}': a reference was released twice (double release).")
    {
    }
}
