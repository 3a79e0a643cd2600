using System.Text.Json;
using Reclaim.Python.Syntax;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Dump;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Cli.Parse;

/// <summary>
/// <c>reclaim parse --batch LISTFILE</c>: parses every file named in LISTFILE and prints one JSON line per file in
/// the shape of the comparison helper's (<c>path</c> with <c>dump</c> including attributes, or <c>error</c>), so a
/// script can hold the whole standard library against CPython without one process per file.
/// </summary>
internal static class ParseBatch
{
    /// <summary>Runs the batch.</summary>
    /// <param name="listFile">One source path per line.</param>
    /// <param name="output">Where the JSON lines go.</param>
    /// <returns>0.</returns>
    public static int Execute(string listFile, TextWriter output)
    {
        foreach (string path in File.ReadAllLines(listFile))
        {
            if (path.Length == 0)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                try
                {
                    Module module = PythonSyntax.Parse(File.ReadAllBytes(path));
                    json.WriteString("dump", AstDumper.Dump(module, includeAttributes: true));
                }
                catch (PythonSyntaxError e)
                {
                    json.WriteStartObject("error");
                    json.WriteString("type", e.TypeName);
                    json.WriteString("msg", e.Message);
                    json.WriteNumber("lineno", e.Lineno);
                    json.WriteNumber("offset", e.Offset);
                    json.WriteEndObject();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    json.WriteStartObject("error");
                    json.WriteString("type", "crash:" + e.GetType().Name);
                    json.WriteString("msg", e.Message);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return 0;
    }
}
