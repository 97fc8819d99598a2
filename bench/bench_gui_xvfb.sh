#!/usr/bin/env bash
# GUI under a real X server (Xvfb): cold start to first frame and idle CPU over 10 s, with the
# CLI's `scan` (process start + site open + one check-in) as the baseline measured in the same run.
# Needs xvfb (scripts/setup installs it). Usage: bench/bench_gui_xvfb.sh [build/bin/kiosk]
set -euo pipefail
KIOSK=${1:-build/bin/kiosk}
command -v Xvfb >/dev/null || { echo "bench_gui_xvfb: Xvfb not installed (apt-get install xvfb)"; exit 0; }
work=$(mktemp -d)
trap 'kill $xpid 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
sleep 1
"$KIOSK" demo --no-gui --site "$work/site" >/dev/null
payload=$(awk 'NR>1 && $3 ~ /^[0-9]{17}[0-9X]$/ {print $3; exit}' "$work/site/cards.txt")

now() { date +%s.%N; }
t0=$(now); "$KIOSK" scan --site "$work/site" --service medical "$payload" >/dev/null || true; t1=$(now)
base=$(echo "$t1 - $t0" | bc)
starts=()
for i in 1 2 3; do
  t0=$(now); DISPLAY=:93 MEALHALL_EXIT_AFTER_FIRST_FRAME=1 "$KIOSK" run --site "$work/site" >/dev/null 2>&1; t1=$(now)
  starts+=("$(echo "$t1 - $t0" | bc)")
done
start=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
echo "cold start to first frame: ${start} s (median of 3); CLI scan baseline ${base} s; ratio $(echo "scale=1; $start / $base" | bc)x"

DISPLAY=:93 "$KIOSK" run --site "$work/site" >/dev/null 2>&1 & kpid=$!
sleep 3
a=$(awk '{print $14+$15}' /proc/$kpid/stat); sleep 10; b=$(awk '{print $14+$15}' /proc/$kpid/stat)
rss=$(awk '/VmRSS/ {print $2}' /proc/$kpid/status)
kill $kpid
tck=$(getconf CLK_TCK)
echo "idle CPU over 10 s: $(echo "scale=2; ($b - $a) * 100 / $tck / 10" | bc)% of one core; RSS $((rss / 1024)) MB"
