#!/usr/bin/env bash
# Packs the repository as a user would (`dotnet pack` at the root): Reclaim, Reclaim.HeapGraph and Reclaim.Cli, one
# version, each with a readme whose links work from a package page. Installs the CLI as a .NET tool from the packed
# feed and runs it (`demo`, `run -c`), then consumes the packages from a fresh console project: [RcType] generation,
# the typed fast path, a picture of the heap and a cycle collection. Exits non-zero on the first failure. .ci/run calls
# it; it takes a few minutes on a busy 2-core machine.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "check-packaging: dotnet pack" >&2
dotnet pack "$root" -c Release -o "$work/feed" -nologo -v q >&2
library="$(find "$work/feed" -name 'Reclaim.[0-9]*.nupkg' -printf '%f\n')"
version="${library#Reclaim.}"
version="${version%.nupkg}"
for package in Reclaim.HeapGraph Reclaim.Cli; do
    test -f "$work/feed/$package.$version.nupkg" || { echo "check-packaging: no $package.$version.nupkg beside Reclaim.$version.nupkg" >&2; exit 1; }
done

# Every package carries a readme whose links work from a package page (absolute, or anchors), and the analyzers' help
# links are absolute: a relative link resolves on GitHub but nowhere a package is read. Python's zipfile reads the
# packages because a new machine need not have unzip.
repository="$(sed -n 's#.*<RepositoryUrl>\(.*\)</RepositoryUrl>.*#\1#p' "$root/Directory.Build.props")"
python3 - "$work/feed" "$version" "$repository" <<'CHECK' >&2
import re, sys, zipfile
feed, version, repository = sys.argv[1:]
failures = []
for package in ("Reclaim", "Reclaim.HeapGraph", "Reclaim.Cli"):
    with zipfile.ZipFile(f"{feed}/{package}.{version}.nupkg") as nupkg:
        names = nupkg.namelist()
        if "README.md" not in names:
            failures.append(f"{package}: no README.md")
            continue
        readme = nupkg.read("README.md").decode("utf-8")
        relative = [link for link in re.findall(r"\]\(([^)]+)\)", readme) if not re.match(r"(https?://|#)", link)]
        if relative:
            failures.append(f"{package}: relative links in the readme: {relative}")
        if package == "Reclaim":
            if "analyzers/dotnet/cs/Reclaim.Generators.dll" not in names:
                failures.append("Reclaim: no generator under analyzers/dotnet/cs")
            else:
                generator = nupkg.read("analyzers/dotnet/cs/Reclaim.Generators.dll")
                link = f"{repository}/blob/main/docs/writing-types.md#".encode("utf-16-le")
                if link not in generator:
                    failures.append(f"Reclaim: the analyzers' help links do not start with {repository}/blob/main/docs/")
for failure in failures:
    print(f"check-packaging: {failure}")
sys.exit(1 if failures else 0)
CHECK

# The tool and the consumer restore into a package folder of their own: the machine-wide cache may hold an older build
# of the same -dev version, which NuGet would take without looking at the feed.
export NUGET_PACKAGES="$work/packages"

# Sources for the consumer: the packed feed first, then whatever this repository restores from.
sed "s#<clear />#<clear />\n    <add key=\"packed\" value=\"$work/feed\" />#" "$root/nuget.config" > "$work/nuget.config"

echo "check-packaging: dotnet tool install reclaim $version" >&2
dotnet tool install Reclaim.Cli --tool-path "$work/tools" --version "$version" --configfile "$work/nuget.config" >&2
"$work/tools/reclaim" demo --json > "$work/demo.json"
grep -q '"passed": *true' "$work/demo.json" || { echo "check-packaging: the installed tool's demo did not pass" >&2; exit 1; }
test "$("$work/tools/reclaim" run -c 'print(1)')" = 1 || { echo "check-packaging: the installed tool's 'run -c \"print(1)\"' did not print 1" >&2; exit 1; }

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
    <PackageReference Include="Reclaim.HeapGraph" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
cat > "$work/consumer/Program.cs" <<'PROGRAM'
using Reclaim;
using Reclaim.HeapGraph;

using var runtime = Runtime.Create();
NewRef<Node> a = runtime.New<Node>();    // a typed new reference: the caller owns it
a.Value.Next.Set(runtime.New<Node>());   // the field takes the new reference over
a.Value.Next.Value!.Next.Set(a.Value);   // a cycle: the field counts a borrowed reference
a.Release();
string picture = HeapPicture.Of(HeapSnapshot.Take(runtime), new HeapPictureOptions { Title = "before" }).ToSvg();
Console.WriteLine(picture.Contains("<svg", StringComparison.Ordinal) ? "picture drawn" : "no picture");
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
grep -qx 'picture drawn' "$work/consumer.out" || { echo "check-packaging: the consumer drew no picture" >&2; exit 1; }
grep -qx 'collected 2' "$work/consumer.out" || { echo "check-packaging: the consumer's cycle was not collected" >&2; exit 1; }
echo "check-packaging: passed" >&2
