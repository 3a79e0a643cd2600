namespace Reclaim;

/// <summary>
/// Marks a type whose <see cref="RcObject.OnFinalize"/> override runs only for the instances that ask for it with
/// <see cref="RcObject.RequestFinalizer"/>. An interpreter whose classes gain or lose a finalizer at run time (Python's
/// <c>__del__</c> assigned to a class after instances exist) puts its finalizer on one .NET type without making every
/// instance pay for the finalizer path: only instances of classes that have one at the time request it.
/// Applies to the type that declares the override and to the types that inherit it without overriding it again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FinalizerOnRequestAttribute : Attribute;
