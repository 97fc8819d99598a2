#!/bin/sh
# `cpack -G DEB` (what scripts/package runs) into a throwaway directory, then the package read back:
# computed library dependencies plus the data packages, the files, the unit starting a binary the
# package holds, and the postinst making the mealhall user and the 0700 site directory. About 5 s
# once the kiosk is built. Usage: check_deb.sh BUILD_DIR
set -eu
build=$1
command -v dpkg-deb >/dev/null 2>&1 || { echo "dpkg-deb not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb_package: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/mealhall-kiosk_*.deb) || fail "no .deb produced"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for dep in fonts-noto-cjk espeak-ng-data libsdl2-2.0-0 libsqlite3-0 libsystemd0 libespeak-ng1; do
    echo "$depends" | grep -q "$dep" || fail "Depends lacks $dep"
done
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
dpkg-deb -x "$deb" "$work/tree"
exec=$(sed -n 's/^ExecStart=\([^ ]*\) .*/\1/p' "$work/tree"/usr/lib/systemd/system/mealhall-kiosk.service)
[ -n "$exec" ] || fail "the package has no mealhall-kiosk.service under /usr/lib/systemd/system"
[ -x "$work/tree$exec" ] || fail "mealhall-kiosk.service starts $exec, which the package does not hold"
[ -f "$work/tree$(dirname "$(dirname "$exec")")/share/mealhall/assets/demo/roster.csv" ] || fail "demo assets not beside the binary"
[ -f "$work/tree/usr/lib/sysusers.d/mealhall.conf" ] && [ -f "$work/tree/usr/lib/tmpfiles.d/mealhall.conf" ] ||
    fail "sysusers/tmpfiles snippets not where systemd reads them"
dpkg-deb -e "$deb" "$work/control"
grep -q "systemd-sysusers mealhall.conf" "$work/control/postinst" || fail "postinst does not create the user"
grep -q "systemd-tmpfiles --create mealhall.conf" "$work/control/postinst" || fail "postinst does not create /var/lib/mealhall"
sh -n "$work/control/postinst" && sh -n "$work/control/prerm" || fail "maintainer scripts do not parse"
# The county setup keys file: in /etc (not /usr/etc), and a conffile so an upgrade keeps county IT's keys.
[ -f "$work/tree/etc/mealhall/county-setup-keys" ] || fail "no /etc/mealhall/county-setup-keys in the package"
grep -qx "/etc/mealhall/county-setup-keys" "$work/control/conffiles" || fail "county-setup-keys is not a conffile"
echo "deb_package: ok ($(basename "$deb"), $(wc -c <"$deb") bytes)"
