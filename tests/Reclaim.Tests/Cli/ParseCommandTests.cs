using System.Text.Json;
using Reclaim.Cli;

namespace Reclaim.Tests.Cli;

/// <summary><c>reclaim parse</c>: CPython's <c>ast.dump</c> text, positions, JSON, errors and exit codes.</summary>
public sealed class ParseCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reclaim-parse-").FullName;

    [Fact]
    public void Parse_ValidFile_PrintsAstDumpAndExitsZero()
    {
        string file = Write("x = 1\n");
        StringWriter output = new();

        int exit = CommandLine.Run(["parse", file], output, TextWriter.Null);

        Assert.Equal(0, exit);
        // The text print(ast.dump(ast.parse('x = 1\n'))) gives under CPython 3.11.
        Assert.Equal(
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Parse_Attributes_AddsPositions()
    {
        string file = Write("pass\n");
        StringWriter output = new();

        int exit = CommandLine.Run(["parse", file, "--attributes"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Equal(
            "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], type_ignores=[])\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Parse_Json_GivesATreeWithPythonNames()
    {
        string file = Write("f(a)\n");
        StringWriter output = new();

        int exit = CommandLine.Run(["parse", file, "--json"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        JsonElement call = document.RootElement.GetProperty("body")[0].GetProperty("value");
        Assert.Equal("Call", call.GetProperty("_type").GetString());
        Assert.Equal("a", call.GetProperty("args")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Parse_SyntaxError_PrintsCPythonsFormatAndExitsOne()
    {
        string file = Write("if x\n    pass\n");
        StringWriter error = new();

        int exit = CommandLine.Run(["parse", file], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Equal($"  File \"{file}\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n", error.ToString());
    }

    [Fact]
    public void Parse_MissingFile_ExitsTwo()
    {
        StringWriter error = new();

        int exit = CommandLine.Run(["parse", Path.Combine(_directory, "absent.py")], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("can't open file", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOption_ExitsTwo()
    {
        int exit = CommandLine.Run(["parse", "x.py", "--bogus"], TextWriter.Null, TextWriter.Null);

        Assert.Equal(2, exit);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string source)
    {
        string path = Path.Combine(_directory, $"case{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        return path;
    }
}
