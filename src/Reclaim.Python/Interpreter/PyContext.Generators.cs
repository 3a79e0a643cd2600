using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

internal sealed partial class PyContext
{
    /// <summary>The type of the frame objects <c>gi_frame</c> returns.</summary>
    public PyType FrameType { get; private set; } = null!;

    /// <summary>Makes the frame type (called once, when the generator methods are installed).</summary>
    public void CreateFrameType()
    {
        FrameType = NewBuiltinType("frame");
    }
}
