// Counts the public surface of an assembly: its exported types (nested public types included) and the public members
// one type declares itself (methods, constructors, properties, fields, events; overloads counted one by one; property
// and event accessors not counted apart from their property or event). scripts/public-surface.sh builds Reclaim and
// runs this; the numbers in docs/design.md ("Public surface") come from it.
#:property PublishAot=false

using System.Reflection;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: public-surface.cs ASSEMBLY.dll TYPE [--list]");
    return 2;
}

Assembly assembly = Assembly.LoadFrom(Path.GetFullPath(args[0]));
Type[] types = [.. assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];
Type? counted = assembly.GetType(args[1]);
if (counted is null)
{
    Console.Error.WriteLine($"public-surface: no type {args[1]} in {args[0]}");
    return 2;
}

const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
string[] members =
[
    .. counted.GetMembers(Declared)
        .Where(m => m is not MethodInfo { IsSpecialName: true } and not Type)
        .Select(m => m.ToString() ?? m.Name)
        .Order(StringComparer.Ordinal),
];

Console.WriteLine($"public types: {types.Length}");
Console.WriteLine($"public members of {counted.FullName}: {members.Length}");
if (args.Contains("--list"))
{
    Console.WriteLine();
    foreach (Type type in types)
    {
        Console.WriteLine($"type {type.FullName}");
    }

    Console.WriteLine();
    foreach (string member in members)
    {
        Console.WriteLine($"member {member}");
    }
}

return 0;
