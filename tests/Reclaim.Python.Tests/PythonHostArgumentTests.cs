using Reclaim.Python;

namespace Reclaim.Python.Tests;

/// <summary>The host names a missing argument instead of failing somewhere inside the interpreter.</summary>
public sealed class PythonHostArgumentTests
{
    [Fact]
    public void A_null_source_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentNullException>(() => PythonHost.Run(null!, "x.py", ["x.py"], TextWriter.Null, TextWriter.Null));
        Assert.Equal("source", error.ParamName);
    }
}
