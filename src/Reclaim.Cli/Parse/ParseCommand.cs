using Reclaim.Python.Syntax;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Dump;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Cli.Parse;

/// <summary>
/// <c>reclaim parse FILE</c>: prints what CPython 3.11's <c>print(ast.dump(ast.parse(source)))</c> prints, or the
/// syntax error in CPython's format on stderr with exit status 1.
/// </summary>
internal static class ParseCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="path">The file, or <c>-</c> for stdin.</param>
    /// <param name="attributes">Whether to include positions.</param>
    /// <param name="json">Whether to print JSON.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0, 1 on a syntax error, 2 when the file cannot be read.</returns>
    public static int Execute(string path, bool attributes, bool json, TextWriter output, TextWriter error)
    {
        byte[] source;
        string shownName = path == "-" ? "<stdin>" : path;
        try
        {
            if (path == "-")
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                source = buffer.ToArray();
            }
            else
            {
                source = File.ReadAllBytes(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"reclaim parse: can't open file '{path}': {e.Message}");
            return 2;
        }

        Module module;
        try
        {
            module = PythonSyntax.Parse(source);
        }
        catch (PythonSyntaxError e)
        {
            error.Write(e.Format(shownName));
            return 1;
        }

        output.WriteLine(json ? AstJson.Write(module, attributes) : AstDumper.Dump(module, attributes));
        return 0;
    }
}
