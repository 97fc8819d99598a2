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

# Memory (issue 12's goals: peak while starting < 150 MB, idle < 80 MB, 3,000 elders < 120 MB), each
# beside a bare SDL window with the kiosk's hints in the same X server (bench_bare_window).
bare=$(DISPLAY=:93 "$(dirname "$KIOSK")/bench_bare_window" 6 2>/dev/null || echo "0 0")
DISPLAY=:93 "$KIOSK" run --site "$work/site" >/dev/null 2>&1 & kpid=$!
sleep 6
peak=$(awk '/VmHWM/ {print $2}' /proc/$kpid/status); idle=$(awk '/VmRSS/ {print $2}' /proc/$kpid/status)
kill $kpid; wait $kpid 2>/dev/null || true
"$KIOSK" init --site "$work/big" --site-id 141022-009 --name 基准食堂 >/dev/null 2>&1
awk 'BEGIN { print "elder_id,name,birth_date,village"; for (i = 0; i < 3000; i++) printf "B%05d,老人%d,19%02d-0%d-1%d,第%d村\n", i, i, 30 + i % 30, 1 + i % 9, i % 9, i % 20 }' > "$work/big.csv"
"$KIOSK" roster import --site "$work/big" "$work/big.csv" >/dev/null 2>&1 || true
DISPLAY=:93 "$KIOSK" run --site "$work/big" >/dev/null 2>&1 & kpid=$!
sleep 6
bigpeak=$(awk '/VmHWM/ {print $2}' /proc/$kpid/status); bigidle=$(awk '/VmRSS/ {print $2}' /proc/$kpid/status)
kill $kpid; wait $kpid 2>/dev/null || true
read -r barepeak bareidle <<<"$bare"
echo "bare SDL window (baseline): peak ${barepeak} kB, now ${bareidle} kB"
echo "kiosk, demo site:           peak ${peak} kB ($(echo "scale=1; $peak / $barepeak" | bc)x), idle ${idle} kB ($(echo "scale=1; $idle / $bareidle" | bc)x); goals 150 MB / 80 MB"
echo "kiosk, 3,000 elders:        peak ${bigpeak} kB, idle ${bigidle} kB ($(echo "scale=1; $bigidle / $bareidle" | bc)x); goal 120 MB"
