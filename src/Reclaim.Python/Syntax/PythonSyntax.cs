using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Parsing;
using Reclaim.Python.Syntax.Text;

namespace Reclaim.Python.Syntax;

/// <summary>
/// The parser's entry point: source bytes to a <see cref="Module"/>, as CPython's <c>ast.parse</c> gives it, or a
/// <see cref="PythonSyntaxError"/> as CPython reports it.
/// </summary>
internal static class PythonSyntax
{
    /// <summary>Stack for the parse: deep nesting recurses, and the parser's own limits must trip before .NET's stack does.</summary>
    private const int ParseStackBytes = 256 * 1024 * 1024;

    /// <summary>Decodes and parses a module.</summary>
    /// <param name="source">The file's bytes.</param>
    /// <returns>The module.</returns>
    /// <exception cref="PythonSyntaxError">The source is not valid Python 3.11.</exception>
    public static Module Parse(byte[] source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return OnLargeStack(() => Parser.ParseModule(SourceDecoder.Decode(source)));
    }

    /// <summary>Parses already-decoded text (newlines are normalised here).</summary>
    /// <param name="text">The source text.</param>
    /// <returns>The module.</returns>
    /// <exception cref="PythonSyntaxError">The source is not valid Python 3.11.</exception>
    public static Module Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normal = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return OnLargeStack(() => Parser.ParseModule(normal));
    }

    /// <summary>
    /// Decodes and parses a module on the calling thread, which must have a stack of at least 256 MB (a caller
    /// that parses many files runs them all inside one <see cref="OnLargeStack{T}"/>).
    /// </summary>
    /// <param name="source">The file's bytes.</param>
    /// <returns>The module.</returns>
    /// <exception cref="PythonSyntaxError">The source is not valid Python 3.11.</exception>
    internal static Module ParseOnThisThread(byte[] source) => Parser.ParseModule(SourceDecoder.Decode(source));

    /// <summary>Runs <paramref name="work"/> on a thread whose stack fits the parser's depth limits, rethrowing what it throws.</summary>
    internal static T OnLargeStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            ParseStackBytes);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }
}
