#!/usr/bin/env bash
# Packs the repository as a user would (`dotnet pack` at the root), installs the CLI as a .NET tool from the packed
# feed and runs it, then consumes the library package from a fresh console project: [RcType] generation, the typed
# fast path and a cycle collection. Exits non-zero on the first failure. .ci/run calls it; it takes about a minute.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "check-packaging: dotnet pack" >&2
dotnet pack "$root" -c Release -o "$work/feed" -nologo -v q >&2
library="$(find "$work/feed" -name 'Reclaim.[0-9]*.nupkg' -printf '%f\n')"
version="${library#Reclaim.}"
version="${version%.nupkg}"
test -f "$work/feed/Reclaim.Cli.$version.nupkg" || { echo "check-packaging: no Reclaim.Cli.$version.nupkg" >&2; exit 1; }
# The listing goes to a file first: under pipefail, `grep -q` closing the pipe early would fail the lister with SIGPIPE.
# Python's zipfile lists it because a new machine need not have unzip.
python3 -m zipfile -l "$work/feed/$library" > "$work/library-contents.txt"
grep -q 'README.md' "$work/library-contents.txt" || { echo "check-packaging: the library package has no readme" >&2; exit 1; }
grep -q 'analyzers/dotnet/cs/Reclaim.Generators.dll' "$work/library-contents.txt" \
    || { echo "check-packaging: the library package has no generator" >&2; exit 1; }

# The tool and the consumer restore into a package folder of their own: the machine-wide cache may hold an older build
# of the same -dev version, which NuGet would take without looking at the feed.
export NUGET_PACKAGES="$work/packages"

# Sources for the consumer: the packed feed first, then whatever this repository restores from.
sed "s#<clear />#<clear />\n    <add key=\"packed\" value=\"$work/feed\" />#" "$root/nuget.config" > "$work/nuget.config"

echo "check-packaging: dotnet tool install reclaim $version" >&2
dotnet tool install Reclaim.Cli --tool-path "$work/tools" --version "$version" --configfile "$work/nuget.config" >&2
"$work/tools/reclaim" demo --json > "$work/demo.json"
grep -q '"passed": *true' "$work/demo.json" || { echo "check-packaging: the installed tool's demo did not pass" >&2; exit 1; }

echo "check-packaging: a fresh project consuming Reclaim $version" >&2
mkdir "$work/consumer"
cp "$work/nuget.config" "$work/consumer/nuget.config"
cat > "$work/consumer/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Reclaim" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
cat > "$work/consumer/Program.cs" <<'PROGRAM'
using Reclaim;

using var runtime = Runtime.Create();
NewRef<Node> a = runtime.New<Node>();    // a typed new reference: the caller owns it
a.Value.Next.Set(runtime.New<Node>());   // the field takes the new reference over
a.Value.Next.Value!.Next.Set(a.Value);   // a cycle: the field counts a borrowed reference
a.Release();
CollectionResult result = runtime.Gc.Collect();
Console.WriteLine($"collected {result.Collected}");
return result.Collected == 2 ? 0 : 1;

[RcType]
public sealed partial class Node : RcObject
{
    public RcField<Node> Next;
}
PROGRAM
(cd "$work/consumer" && dotnet run -c Release -nologo -v q) | tee "$work/consumer.out"
grep -qx 'collected 2' "$work/consumer.out"
echo "check-packaging: passed" >&2
