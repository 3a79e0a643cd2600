#!/usr/bin/env bash
# The public surface of the Reclaim library, counted the same way every time: builds src/Reclaim and prints the number
# of public types of Reclaim.dll and of public members `Runtime` declares (see scripts/public-surface.cs for what counts
# as a member). `--list` also prints every type and member, one a line, for a diff. Usage:
#   scripts/public-surface.sh [--list]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

dotnet build "$root/src/Reclaim" -c Release -o "$out/lib" -nologo -v q >&2
dotnet run --file "$root/scripts/public-surface.cs" -- "$out/lib/Reclaim.dll" Reclaim.Runtime "$@"
