namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code declare records and init-only properties (the compiler looks the type up by name).</summary>
internal static class IsExternalInit
{
}
