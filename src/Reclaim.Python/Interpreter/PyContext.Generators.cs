using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    /// <summary>The type of the frame objects <c>gi_frame</c> returns.</summary>
    public PyType FrameType { get; private set; } = null!;

    /// <summary>The type of the code objects <c>gi_code</c> returns.</summary>
    public PyType CodeType { get; private set; } = null!;

    /// <summary>Makes the frame and code types (called once, when the generator methods are installed).</summary>
    public void CreateFrameTypes()
    {
        FrameType = NewBuiltinType("frame");
        CodeType = NewBuiltinType("code");
    }
}
