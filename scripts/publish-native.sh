#!/usr/bin/env bash
# Publishes `reclaim` as a Native AOT executable: artifacts/native/Reclaim.Cli (and a `reclaim` link beside it).
# Native AOT links with clang and needs zlib's headers; both come from Debian and are installed here when missing
# (as root, or through `sudo -n`). The native tests (tests/Reclaim.Tests/Native) and `reclaim bench --python` use
# the result when it is present.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
# zlib's header is what the linker step looks for; dpkg may be absent on a non-Debian machine, so test the file.
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)

if [ "${#need[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "publish-native: missing ${need[*]} and apt-get is not available; install them by hand." >&2
        exit 1
    fi
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO="sudo -n"
        else
            echo "publish-native: not root and no sudo; run as root: apt-get install -y ${need[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be missing or stale on a fresh machine: refresh them only if the first attempt fails.
    if ! $SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
        $SUDO apt-get update -qq >/dev/null
        $SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
    fi
fi

# PublishAot is set in Reclaim.Cli.csproj (a -p:PublishAot=true here would reach the generator projects too).
dotnet publish src/Reclaim.Cli -c Release -r linux-x64 -o artifacts/native "$@"
ln -sf Reclaim.Cli artifacts/native/reclaim
echo "publish-native: artifacts/native/reclaim"
