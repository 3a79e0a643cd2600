using Reclaim.Python.Objects;

namespace Reclaim.Python.Interpreter;

/// <summary>The built-in types of the data model that are made after start-up by their modules' installers.</summary>
internal sealed partial class PyContext
{
#pragma warning disable CS1591
    public PyType DictKeysType { get; private set; } = null!;
    public PyType DictValuesType { get; private set; } = null!;
    public PyType DictItemsType { get; private set; } = null!;
    public PyType ByteArrayType { get; private set; } = null!;
    public PyType CodeType { get; private set; } = null!;
#pragma warning restore CS1591

    /// <summary>Makes the types above (called once by the built-ins' installer).</summary>
    internal void CreateDataModelTypes()
    {
        DictKeysType = NewBuiltinType("dict_keys");
        DictValuesType = NewBuiltinType("dict_values");
        DictItemsType = NewBuiltinType("dict_items");
        ByteArrayType = NewBuiltinType("bytearray");
        CodeType = NewBuiltinType("code");
    }
}
