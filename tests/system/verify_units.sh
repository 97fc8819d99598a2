#!/bin/sh
# systemd-analyze verify on the installed units (syntax, known directives, dependencies). Skipped
# (exit 77) where systemd-analyze is missing. The units name /usr/bin/cage and the installed kiosk,
# which need not exist on a build machine: verify runs on copies with those commands pointed at
# executables that exist, so what is checked is the units themselves.
# Usage: verify_units.sh BUILD_DIR INSTALL_PREFIX
set -eu
build=$1
prefix=$2
command -v systemd-analyze >/dev/null 2>&1 || { echo "systemd-analyze not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for unit in mealhall-kiosk.service mealhall-kiosk-cage.service; do
    sed -e "s|$prefix/bin/kiosk|$build/bin/kiosk|g" -e "s|/usr/bin/cage|/bin/true|g" \
        "$build/systemd/$unit" >"$work/$unit"
done
# Verify names each unit it finds wrong; an unknown user is not an error here (created by postinst).
if ! systemd-analyze verify "$work/mealhall-kiosk.service" "$work/mealhall-kiosk-cage.service" >"$work/out" 2>&1; then
    cat "$work/out"
    echo "systemd_units_verify: systemd-analyze verify failed" >&2
    exit 1
fi
cat "$work/out"
if grep -q "mealhall" "$work/out"; then
    echo "systemd_units_verify: warnings about the units" >&2
    exit 1
fi
echo "systemd_units_verify: ok"
