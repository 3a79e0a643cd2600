using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    /// <summary>The type of <c>sys.unraisablehook</c>'s argument, made the first time a hook needs one (owned).</summary>
    public PyType? UnraisableHookArgsType { get; set; }
}
