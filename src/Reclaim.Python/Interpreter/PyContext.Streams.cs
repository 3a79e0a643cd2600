using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    /// <summary><c>sys.stdout</c> as Python sees it (borrowed; sys holds it).</summary>
    public Value SysStdout { get; set; }

    /// <summary><c>sys.stderr</c> (borrowed).</summary>
    public Value SysStderr { get; set; }

    /// <summary>Where <c>input()</c> reads.</summary>
    public TextReader Stdin { get; set; } = TextReader.Null;
}
