namespace Reclaim.Python.Tests.Interpreter;

/// <summary>
/// The constructs <c>reclaim run</c> does not run yet (<c>match</c>, <c>except*</c>, <c>async</c>/<c>await</c> in
/// every form) are refused before anything runs, with a SyntaxError that names the construct and its line.
/// </summary>
public sealed class UnsupportedSyntaxTests
{
    [Theory]
    [InlineData("match x:\n    case 1:\n        pass\n", "the match statement", 2)]
    [InlineData("try:\n    pass\nexcept* ValueError:\n    pass\n", "except*", 2)]
    [InlineData("async def f():\n    pass\n", "async", 2)]
    [InlineData("async def f():\n    async with a:\n        pass\n", "async", 2)]
    [InlineData("def f():\n    return await g()\n", "await", 3)]
    [InlineData("x = [y async for y in z]\n", "async (an asynchronous comprehension)", 2)]
    [InlineData("g = (y async for y in z)\n", "async (an asynchronous comprehension)", 2)]
    public void Construct_IsRefusedWithItsNameAndLine(string body, string construct, int line)
    {
        ProgramRun.Outcome outcome = ProgramRun.Run("print('never printed')\n" + body);

        Assert.Equal(1, outcome.Status);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal($"SyntaxError: {construct} is not supported by reclaim run yet (line {line})\n", outcome.Stderr);
    }
}
