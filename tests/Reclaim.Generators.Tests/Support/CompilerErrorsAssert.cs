using Microsoft.CodeAnalysis;

namespace Reclaim.Generators.Tests.Support;

/// <summary>Fails with every compiler error listed, file and line, when a compilation does not compile.</summary>
internal static class CompilerErrorsAssert
{
    public static void None(Compilation compilation)
    {
        List<Diagnostic> errors = [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
        if (errors.Count > 0)
        {
            Assert.Fail("The compilation has errors:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }
    }
}
