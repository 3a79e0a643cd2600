using System.Runtime.CompilerServices;
using Reclaim.Python.Objects;

namespace Reclaim.Python.Compiler.Nodes;

/// <summary>
/// Room for up to <see cref="Capacity"/> call arguments on the .NET stack: a call of a built-in (<c>len(x)</c>,
/// <c>lst.append(v)</c>) with that few arguments needs no argument array on the heap.
/// </summary>
[InlineArray(Capacity)]
internal struct ArgumentBuffer
{
    /// <summary>How many arguments fit.</summary>
    public const int Capacity = 4;

    private Value _first;
}
