namespace Reclaim.Generators.Tests.Packaging;

/// <summary>
/// The files of a small program that uses Reclaim the way a customer would: through the package only. It builds a
/// cycle of generated types and collects it in checked mode (which refuses any type whose traversal misses a field),
/// and it carries one broken type per diagnostic, demoted to warnings so that the program still builds and runs.
/// </summary>
internal static class ConsumerProject
{
    public static readonly string[] DiagnosticIds = ["RCL0001", "RCL0002", "RCL0003", "RCL0004", "RCL0005", "RCL0006", "RCL0007", "RCL0008", "RCL0009", "RCL0010", "RCL0011"];

    public static void Write(string directory, string feed, string version)
    {
        Directory.CreateDirectory(directory);

        // Stop MSBuild and NuGet from picking up anything above the temporary directory.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");

        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fresh-reclaim" value="{feed}" />
                <add key="local-test-packages" value="/opt/nuget/packages" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="fresh-reclaim">
                  <package pattern="Reclaim" />
                </packageSource>
                <packageSource key="local-test-packages">
                  <package pattern="*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS0649;CS0169</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Reclaim" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(
            Path.Combine(directory, ".globalconfig"),
            "is_global = true\n" + string.Concat(DiagnosticIds.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n")));

        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using System.CodeDom.Compiler;
            using System.Reflection;
            using Reclaim;

            using Runtime runtime = Runtime.Create(new RuntimeOptions { Checked = true });
            NewRef<Node> newA = runtime.New<Node>();
            Node a = newA.Value;
            a.Next.Set(runtime.New<Node>());     // the field takes the new reference over
            Node b = a.Next.Value!;
            a.Slots[0].Set(b);
            b.Children.Add(a);
            newA.Release();

            CollectionResult result = runtime.Gc.Collect();
            MethodInfo? traverse = typeof(Node).GetMethod("TraverseReferences", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            string tool = traverse?.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool ?? "none";
            bool freed = a.State == RcObjectState.Freed && b.State == RcObjectState.Freed;
            Console.WriteLine($"collected={result.Collected} freed={freed} traverse-by={tool}");
            return result.Collected == 2 && freed && tool == "Reclaim.Generators" ? 0 : 1;

            [RcType]
            public sealed partial class Node : RcObject
            {
                public RcField<Node> Next;
                public RcField<Node>[] Slots = new RcField<Node>[1];
                public RcList<Node> Children { get; } = new();
            }
            """);

        File.WriteAllText(Path.Combine(directory, "Broken.cs"), """
            using Reclaim;

            namespace Consumer.Broken;

            public sealed class MissesAVisit : RcObject
            {
                public RcField<RcObject> Seen;
                public RcField<RcObject> Hidden;
                protected override void TraverseReferences(ref Visitor visitor) => visitor.Visit(Seen);
                protected override void ClearReferences() { Seen.Clear(); Hidden.Clear(); }
            }

            public sealed class Untraced : RcObject
            {
                public RcField<RcObject> Type;
            }

            public sealed class Impure : RcObject
            {
                public RcField<RcObject> Inner;
                protected override void TraverseReferences(ref Visitor visitor) { Inner.Clear(); visitor.Visit(Inner); }
                protected override void ClearReferences() => Inner.Clear();
            }

            [RcType]
            public sealed class NotPartial : RcObject
            {
                public RcField<RcObject> Next;
            }

            [RcType]
            public sealed partial class NotARuntimeObject
            {
            }

            public sealed class Borrows : RcObject
            {
                public RcObject? Parent;
            }

            [RcType]
            public sealed partial class HandWritten : RcObject
            {
                public RcField<RcObject> Next;
                protected override void ClearReferences() => Next.Clear();
            }

            [RcType]
            public sealed partial class Frozen : RcObject
            {
                public readonly RcField<RcObject> Next;
            }

            public sealed class Careless
            {
                public NewRef<Frozen> Kept;

                public void Leak(Runtime runtime)
                {
                    NewRef<Frozen> made = runtime.New<Frozen>();
                    NewRef<Frozen> copy = made;
                    copy.Release();
                    runtime.New<Frozen>();
                }
            }
            """);
    }
}
