namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// Decides, deterministically, which user-code sites of a program throw. The program runner and the reference model
/// ask the same question for the same site, so both know which exceptions to expect; a site is identified by its
/// kind and the id of the object (or the ordinal of the collection) it belongs to, and each runs at most once.
/// </summary>
internal readonly record struct FaultPlan(int Percent, int Seed)
{
    public static FaultPlan None => new(0, 0);

    public bool ShouldThrow(string site, int key)
    {
        if (Percent <= 0)
        {
            return false;
        }

        // FNV-1a over the site name, then a fixed integer mix: string.GetHashCode is randomised per process, and a
        // failing program must replay identically.
        uint hash = 2166136261;
        foreach (char c in site)
        {
            hash = (hash ^ c) * 16777619;
        }

        hash ^= (uint)Seed * 0x9E3779B1u;
        hash ^= (uint)key * 0x85EBCA6Bu;
        hash ^= hash >> 16;
        hash *= 0x7FEB352Du;
        hash ^= hash >> 15;
        return hash % 100 < (uint)Percent;
    }

    public override string ToString() => Percent <= 0 ? "no injected faults" : $"faults {Percent}% (seed {Seed})";
}
