using System.Collections.Concurrent;
using System.Reflection;

namespace Reclaim;

/// <summary>
/// Which field types cannot hold a counted reference: primitives, enums, strings and structs made only of those.
/// Checked mode trusts a type's field list to describe all its references only when every other field is inert.
/// </summary>
internal static class InertFieldTypes
{
    private static readonly ConcurrentDictionary<Type, bool> s_known = new();

    public static bool CannotHoldReferences(Type type) => s_known.GetOrAdd(type, static t => Decide(t, depth: 0));

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Only field types of RcObject-derived types reach here; RcObject's DynamicallyAccessedMembers keeps theirs, and a struct whose fields were trimmed reads as able to hold references, which only makes the audit more cautious.")]
    private static bool Decide(Type type, int depth)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal))
        {
            return true;
        }

        if (!type.IsValueType || depth > 4 || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(RcField<>)))
        {
            return false;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!Decide(field.FieldType, depth + 1))
            {
                return false;
            }
        }

        return true;
    }
}
