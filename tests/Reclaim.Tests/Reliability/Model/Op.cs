namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// One generated operation. Its operands are selectors, not ids: each picks among the objects the program can reach
/// at that moment (modulo their number), so every program stays valid when shrinking removes operations.
/// </summary>
internal readonly record struct Op(OpKind Kind, int A = 0, int B = 0, int C = 0)
{
    public override string ToString() => Kind switch
    {
        OpKind.Allocate => $"allocate (finalizer {(FinalizerKind)A})",
        OpKind.Link => $"link node#{A}.slot{B} -> object#{C}",
        OpKind.Unlink => $"unlink node#{A}.slot{B}",
        OpKind.Release => $"release root#{A}",
        OpKind.AddRoot => $"add root to object#{A}",
        OpKind.WeakRef => $"weakref to node#{A} (callback {(CallbackKind)B})",
        OpKind.Finalize => B % 2 == 1 ? $"finalize node#{A} with argument object#{C}" : $"finalize node#{A}",
        OpKind.Collect => $"collect generation {A}",
        _ => Kind.ToString(),
    };
}
