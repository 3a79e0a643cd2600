using System.Text;
using Reclaim.Python.Syntax;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Tests.Syntax;

/// <summary>
/// Hostile input: binary bytes, invalid UTF-8, NUL, nesting 100,000 deep, a file that ends mid-string, a 10 MB file.
/// Each must give CPython's error (asked of python3 at test time) and never crash the process or overflow the stack.
/// </summary>
public sealed class BadInputTests
{
    private static readonly (string Name, byte[] Bytes)[] Inputs =
    [
        ("binary", [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe, 0x10]),
        ("nul", Encoding.ASCII.GetBytes("x = 1\0\n")),
        ("invalid-utf8-in-string", [.. Encoding.ASCII.GetBytes("x = \""), 0xc3, 0x28, .. Encoding.ASCII.GetBytes("\"\n")]),
        ("invalid-start-byte", [.. Encoding.ASCII.GetBytes("print(\"b"), 0xf6, .. Encoding.ASCII.GetBytes("se\")\n")]),
        ("ends-mid-string", Encoding.ASCII.GetBytes("x = 'abc")),
        ("ends-mid-triple-string", Encoding.ASCII.GetBytes("x = '''abc\ndef\n")),
        ("deep-unary", Encoding.ASCII.GetBytes(new string('-', 100_000) + "1\n")),
        ("deep-not", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not ", 100_000)) + "x\n")),
        ("deep-parens", Encoding.ASCII.GetBytes(new string('(', 100_000) + new string(')', 100_000) + "\n")),
        ("deep-brackets-199", Encoding.ASCII.GetBytes(new string('[', 199) + new string(']', 199) + "\n")),
        ("long-binop-chain", Encoding.ASCII.GetBytes("1" + string.Concat(Enumerable.Repeat("+1", 100_000)) + "\n")),
        ("deep-attribute-chain", Encoding.ASCII.GetBytes("x" + string.Concat(Enumerable.Repeat(".a", 5_000)) + "\n")),
        ("unary-below-the-limit", Encoding.ASCII.GetBytes(new string('-', 2_900) + "1\n")),
        ("unary-above-the-limit", Encoding.ASCII.GetBytes(new string('-', 3_100) + "1\n")),
        ("deep-indentation", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 120).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', 120) + "pass\n")),
        ("unknown-encoding", Encoding.ASCII.GetBytes("# -*- coding: no-such-codec -*-\nx = 1\n")),
        ("latin-1", [.. Encoding.ASCII.GetBytes("# -*- coding: latin-1 -*-\nx = '"), 0xe9, .. Encoding.ASCII.GetBytes("'\n")]),
        ("bom-crlf", [0xef, 0xbb, 0xbf, .. Encoding.ASCII.GetBytes("x = 1\r\nif x:\r\n\ty = 'é'\r\n")]),
        ("cr-only", Encoding.ASCII.GetBytes("x = 1\ry = (2,\r3)\r")),
    ];

    [Fact]
    public void HostileInputs_FailOrParseAsCPythonDoes()
    {
        string directory = Directory.CreateTempSubdirectory("reclaim-bad-input").FullName;
        try
        {
            var paths = Inputs.Select(input =>
            {
                string path = Path.Combine(directory, input.Name + ".py");
                File.WriteAllBytes(path, input.Bytes);
                return path;
            }).ToList();

            Dictionary<string, ParseOutcome> expected = CPythonOracle.Describe(paths);
            var failures = paths
                .Select(path => (path, difference: ReclaimSide.Difference(expected[path], ReclaimSide.Describe(path))))
                .Where(r => r.difference is not null)
                .Select(r => $"{Path.GetFileName(r.path)}: {r.difference}")
                .ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TenMegabyteFile_Parses()
    {
        var text = new StringBuilder();
        int statements = 0;
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append("value_").Append(statements).Append(" = compute(alpha, 'a long literal that keeps the token count per byte ordinary, as real data files do') # note\n");
            statements++;
        }

        Module module = PythonSyntax.Parse(Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Equal(statements, module.Body.Count);
        var last = Assert.IsType<AssignStmt>(module.Body[^1]);
        Assert.Equal(statements, last.Lineno);
    }

    [Fact]
    public void TenMegabyteFile_EndingInAnError_FailsAsCPythonDoes()
    {
        // Every line of the 10 MB must tokenize and parse for the error on the last one to carry CPython's line number.
        var text = new StringBuilder();
        for (int i = 0; text.Length < 10 * 1024 * 1024; i++)
        {
            text.Append("value_").Append(i).Append(" = compute(alpha, 'é literal ', [1, 2.5, 3j], {'k': b'v'}) # note\n");
        }

        text.Append("if value_0 = 1:\n    pass\n");
        string path = Path.Combine(Directory.CreateTempSubdirectory("reclaim-ten-mb").FullName, "ten_mb.py");
        try
        {
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
            ParseOutcome expected = CPythonOracle.Describe([path])[path];

            Assert.NotNull(expected.Error);
            Assert.Null(ReclaimSide.Difference(expected, ReclaimSide.Describe(path)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void SyntaxError_Format_MatchesCPythonsPrintedForm()
    {
        var error = Assert.Throws<PythonSyntaxError>(() => PythonSyntax.Parse("if x\n    pass\n"));

        Assert.Equal("  File \"x.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n", error.Format("x.py"));
    }
}
