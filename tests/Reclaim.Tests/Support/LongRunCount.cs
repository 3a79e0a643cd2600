using System.Globalization;

namespace Reclaim.Tests.Support;

/// <summary>How many runs a randomised test makes: its default, or N when an environment variable asks for a long run.</summary>
internal static class LongRunCount
{
    public static int Resolve(string variable, int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int requested) && requested > 0
            ? requested
            : defaultCount;
}
