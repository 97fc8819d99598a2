#!/usr/bin/env bash
# The kiosk alone on a screen under cage (Debian's Wayland kiosk compositor), as
# mealhall-kiosk-cage.service runs it, on wlroots' headless backend with its pixman (CPU) renderer:
# start to the first frame (READY=1 on a fake NOTIFY_SOCKET, cage's start included) and the RSS of
# cage plus the kiosk, median of 3 runs, each process's split by mapping (MB: llvm, mesa, anon, heap,
# shm, files); then the kiosk drawing through cage's Xwayland (SDL_VIDEODRIVER=x11) for comparison. Baselines in the same run: the kiosk alone under Xvfb (the
# X server already up) and one frame offscreen (`kiosk screenshot`, SDL's offscreen driver; `run`
# needs a display). All at 1280x720, wlroots' headless output. KMS/DRM only where /dev/dri/card*
# exists. Needs cage and xwayland (cage 0.1.4 will not start without Xwayland); not in scripts/setup.
# cage refuses to run as root: as root, everything runs as `nobody`.
# Usage: bench/bench_cage.sh [build/bin/kiosk]
set -euo pipefail
command -v cage >/dev/null || { echo "bench_cage: not run: cage not installed (apt-get install cage xwayland)"; exit 0; }
command -v Xwayland >/dev/null || { echo "bench_cage: not run: Xwayland not installed (cage 0.1.4 exits without it)"; exit 0; }
command -v python3 >/dev/null || { echo "bench_cage: not run: python3 missing (reads the notify socket)"; exit 0; }
KIOSK=$(realpath "${1:-build/bin/kiosk}")
work=$(mktemp -d)
xpid=
trap '[ -n "$xpid" ] && kill $xpid 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
runas=()
if [ "$(id -u)" = 0 ]; then
  runas=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  chown nobody:nogroup "$work"
fi
"${runas[@]}" mkdir -m 700 "$work/xdg" "$work/cache"
"${runas[@]}" env XDG_CACHE_HOME="$work/cache" "$KIOSK" demo --no-gui --site "$work/site" >/dev/null 2>&1

# measure.py CMD...: runs CMD in a session of its own with NOTIFY_SOCKET set; prints the seconds to
# READY=1, then, 5 s later, each process of the tree's peak (VmHWM) and current (VmRSS) kB, summed.
cat > "$work/measure.py" <<'EOF'
import os, socket, subprocess, sys, time, signal
path = os.path.join(os.environ["BENCH_WORK"], "notify.sock")
if os.path.exists(path): os.unlink(path)
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(path); os.chmod(path, 0o666)
env = dict(os.environ, NOTIFY_SOCKET=path)
t0 = time.monotonic()
p = subprocess.Popen(sys.argv[1:], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
s.settimeout(0.2); ready = None
while ready is None and time.monotonic() - t0 < 60 and p.poll() is None:
    try:
        if b"READY=1" in s.recv(4096): ready = time.monotonic() - t0
    except socket.timeout: pass
# The run's processes: its session (cage's Xwayland is forked twice and reparented, but stays in it).
def tree(root):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try: sid = int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[3])
            except OSError: continue
            if sid == root: out.append(int(d))
    return out
if ready is not None: time.sleep(5)
# Where a process's resident memory is, by mapping (smaps): libLLVM (Mesa's gallium links it; its
# relocated pages alone are ~40 MB once loaded), the rest of Mesa, anonymous memory (malloc arenas,
# llvmpipe's threads and JIT code, textures), the heap, the window's shared buffers, other files.
def where(q):
    import re
    kb = {}; name = "other"
    try:
        for line in open(f"/proc/{q}/smaps"):
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                f = line.split(None, 5); path = f[5].strip() if len(f) > 5 else ""
                name = ("llvm" if "LLVM" in path else "mesa" if ("_dri" in path or "gallium" in path or "libGL" in path or "libEGL" in path or "glapi" in path)
                        else "heap" if path == "[heap]" else "anon" if path == "" else "shm" if path.startswith("/memfd") or path.startswith("/dev/shm") else "files")
            elif line.startswith("Rss:"): kb[name] = kb.get(name, 0) + int(line.split()[1])
    except OSError: return ""
    return "(" + " ".join(f"{k} {v // 1024}" for k, v in sorted(kb.items(), key=lambda kv: -kv[1])) + ")"
hwm = rss = 0; names = []
for q in tree(p.pid):
    try: st = dict(l.split(":", 1) for l in open(f"/proc/{q}/status"))
    except OSError: continue
    h = int(st.get("VmHWM", "0 kB").split()[0]); r = int(st.get("VmRSS", "0 kB").split()[0])
    hwm += h; rss += r; names.append(f"{st['Name'].strip()}={h // 1024}/{r // 1024}MB{where(q)}")
os.killpg(p.pid, signal.SIGTERM)
try: p.wait(10)
except subprocess.TimeoutExpired: os.killpg(p.pid, signal.SIGKILL); p.wait()
print(f"{ready if ready is not None else -1:.3f} {hwm} {rss} {','.join(names)}")
EOF
export BENCH_WORK=$work

# median.sh-like: runs the measure 3 times, prints the run whose start time is the median.
median3() {
  local runs=()
  for _ in 1 2 3; do runs+=("$(python3 "$work/measure.py" "$@")"); done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}
mb() { echo "$(( $1 / 1024 )) MB"; }

# cage + kiosk, as the unit runs it (WATCHDOG_PID unset for the kiosk, SDL on Wayland).
read -r cstart chwm crss cnames <<<"$(median3 "${runas[@]}" env XDG_RUNTIME_DIR="$work/xdg" \
  XDG_CACHE_HOME="$work/cache" WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
  cage -- env -u WATCHDOG_PID SDL_VIDEODRIVER=wayland "$KIOSK" run --site "$work/site")"

# The same kiosk under cage drawing through X (cage's Xwayland) instead of Wayland: SDL's X11 path
# has a plain framebuffer, so the kiosk loads no Mesa; Xwayland does (glamor on llvmpipe).
read -r wstart whwm wrss wnames <<<"$(median3 "${runas[@]}" env XDG_RUNTIME_DIR="$work/xdg" \
  XDG_CACHE_HOME="$work/cache" WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
  cage -- env -u WATCHDOG_PID SDL_VIDEODRIVER=x11 "$KIOSK" run --site "$work/site")"

# Baseline: the kiosk alone under Xvfb (server started beforehand, its own RSS shown apart).
xstart=-1 xhwm=0 xrss=0 xserver=0
if command -v Xvfb >/dev/null; then
  Xvfb :94 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
  sleep 1
  read -r xstart xhwm xrss _ <<<"$(median3 "${runas[@]}" env DISPLAY=:94 XDG_CACHE_HOME="$work/cache" "$KIOSK" run --site "$work/site")"
  xserver=$(awk '/VmRSS/ {print $2}' /proc/$xpid/status)
  kill $xpid; wait $xpid 2>/dev/null || true; xpid=
fi

# Baseline: one frame offscreen (whole process: start, site, frame, PNG).
offs=()
for _ in 1 2 3; do
  offs+=("$("${runas[@]}" env SDL_VIDEODRIVER=offscreen XDG_CACHE_HOME="$work/cache" /usr/bin/time -f '%e %M' \
    "$KIOSK" screenshot --site "$work/site" --screen checkin --size 1280x720 --out "$work/off.png" 2>&1 >/dev/null | tail -1)")
done
read -r ostart ohwm <<<"$(printf '%s\n' "${offs[@]}" | sort -n | sed -n 2p)"

echo "cage + kiosk (headless, pixman): start to first frame ${cstart} s (median of 3, cage's start included); peak $(mb "$chwm"), steady $(mb "$crss") [${cnames}]"
echo "kiosk on cage's Xwayland (x11): start to first frame ${wstart} s; peak $(mb "$whwm"), steady $(mb "$wrss") [${wnames}]"
echo "kiosk under Xvfb (baseline):     start to first frame ${xstart} s (Xvfb already up); peak $(mb "$xhwm"), steady $(mb "$xrss"); Xvfb itself $(mb "$xserver")"
echo "kiosk offscreen (baseline):      one frame to PNG ${ostart} s (whole process); peak $(mb "$ohwm")"
echo "cage/Xvfb: start $(echo "scale=2; $cstart / $xstart" | bc)x, steady RSS $(echo "scale=2; $crss / $xrss" | bc)x (kiosk alone), $(echo "scale=2; $crss / ($xrss + $xserver)" | bc)x (with the X server)"
if ls /dev/dri/card* >/dev/null 2>&1; then
  read -r kstart khwm krss _ <<<"$(median3 env SDL_VIDEODRIVER=kmsdrm "$KIOSK" run --site "$work/site")"
  echo "kiosk on KMS/DRM:                start to first frame ${kstart} s; peak $(mb "$khwm"), steady $(mb "$krss") (-1 s: no first frame)"
else
  echo "kiosk on KMS/DRM: not run: no DRM device (/dev/dri/card* missing)"
fi
