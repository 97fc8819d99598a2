#!/bin/sh
# `cmake --install` into a throwaway DESTDIR: the tree holds the kiosk, its demo assets, the systemd
# units and the sysusers/tmpfiles snippets, and the installed kiosk runs its demo on the installed
# assets (not the source tree's: the installed roster is cut down first, and the demo must report it).
# Usage: check_install_tree.sh BUILD_DIR INSTALL_PREFIX
set -eu
build=$1
prefix=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install_tree: $*" >&2; exit 1; }

DESTDIR="$work/root" cmake --install "$build" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install failed"; }
root="$work/root$prefix"

[ -x "$root/bin/kiosk" ] || fail "no executable bin/kiosk"
for f in share/mealhall/assets/demo/roster.csv share/mealhall/assets/demo/site.toml \
         lib/systemd/system/mealhall-kiosk.service lib/systemd/system/mealhall-kiosk-cage.service \
         lib/sysusers.d/mealhall.conf lib/tmpfiles.d/mealhall.conf; do
    [ -f "$root/$f" ] || fail "missing $f"
done
find "$work/root" -path '*/mealhall/county-setup-keys' | grep -q . || fail "missing etc/mealhall/county-setup-keys"
# Fonts are the fonts-noto-cjk package's, never copied into the tree.
if find "$work/root" -name '*.tt[cf]' -o -name '*.otf' | grep -q .; then fail "font files copied into the install"; fi
# The units start the installed binary, whatever the prefix.
grep -q "^ExecStart=$prefix/bin/kiosk run --site /var/lib/mealhall\$" "$root/lib/systemd/system/mealhall-kiosk.service" ||
    fail "mealhall-kiosk.service does not start $prefix/bin/kiosk"
for key in Type=notify WatchdogSec=30 Restart=always User=mealhall; do
    grep -q "^$key\$" "$root/lib/systemd/system/mealhall-kiosk.service" || fail "mealhall-kiosk.service lacks $key"
    grep -q "^$key\$" "$root/lib/systemd/system/mealhall-kiosk-cage.service" || fail "mealhall-kiosk-cage.service lacks $key"
done
grep -q '^d /var/lib/mealhall 0700 mealhall mealhall' "$root/lib/tmpfiles.d/mealhall.conf" || fail "site directory not 0700 mealhall"

# Keep the header and the first 12 elders: a demo on the source tree's roster would add more.
roster="$root/share/mealhall/assets/demo/roster.csv"
full=$(($(wc -l <"$roster") - 1))
head -n 13 "$roster" >"$work/short.csv" && cp "$work/short.csv" "$roster"
[ "$full" -gt 12 ] || fail "the demo roster is too short to tell the trees apart"

# Run from elsewhere with no hint where the assets are, as systemd or an installer would.
cd "$work"
env -u MEALHALL_ASSETS HOME="$work/home" XDG_DATA_HOME="$work/home/data" \
    "$root/bin/kiosk" --lang en demo --no-gui --site "$work/demo" >"$work/demo.out" 2>&1 ||
    { cat "$work/demo.out"; fail "installed kiosk demo --no-gui failed"; }
grep -q "^roster: added 12\$" "$work/demo.out" || { cat "$work/demo.out"; fail "installed kiosk did not use the installed assets"; }
echo "install_tree: ok ($root)"
