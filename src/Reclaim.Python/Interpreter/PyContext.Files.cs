using Reclaim.Python.Modules.Io;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    /// <summary>Where relative paths given to <c>open()</c> start (null: the process's current directory).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>The <c>_io</c> classes, made on first use.</summary>
    public IoTypes? IoTypes { get; set; }
}
