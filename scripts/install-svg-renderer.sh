#!/usr/bin/env bash
# Installs rsvg-convert (Debian's librsvg2-bin), which the diagnostics tests use to render Reclaim's SVG
# heap pictures to PNG. Idempotent: does nothing when the tool is already on PATH.
set -euo pipefail

if command -v rsvg-convert >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-svg-renderer: rsvg-convert is missing and apt-get is not available; install librsvg2-bin (or your system's rsvg-convert) by hand." >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "install-svg-renderer: not root and no sudo; run: apt-get install -y librsvg2-bin" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale on a fresh machine: refresh them only if the first attempt fails.
if ! $SUDO apt-get install -y --no-install-recommends librsvg2-bin >/dev/null 2>&1; then
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y --no-install-recommends librsvg2-bin >/dev/null
fi

command -v rsvg-convert >/dev/null 2>&1
