#!/usr/bin/env bash
# The fresh-machine check: does what README tells a newcomer to do, on this machine, and fails if any of it breaks.
#
#   installer/smoke.sh [--skip-apt] [--skip-tests] [--skip-launch] [--skip-installer]
#
#   1. packages   apt-get installs what a real window, the screenshot and Chinese text need (only what is missing)
#   2. readme     reads README.md's first ```sh block: its two command lines are the launch and the test command
#   3. tests      runs README's test command
#   4. launch     runs README's launch command under Xvfb with a fresh app home; waits for the window and the
#                 sandbox (STARTUP lines), then for the window to be painted; screenshot to target/smoke/launch.png;
#                 stops the app; then checks that ./fcperm starts again without running Maven
#   5. installer  installer/build-linux.sh deb, then installer/check-linux.sh (when those scripts exist)
#
# Each phase prints one line with its result and wall time; the exit status is non-zero if any phase failed.
# Logs go to target/smoke/. CI (.ci/run) runs every phase; the --skip options are for local reruns.
# Environment: SMOKE_LAUNCH_TIMEOUT (s, default 300) bounds the wait for the STARTUP lines, SMOKE_PAINT_TIMEOUT
# (s, default 60) the wait for a painted window.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/target/smoke
mkdir -p "$out"

skip_apt=false skip_tests=false skip_launch=false skip_installer=false
for arg in "$@"; do
  case "$arg" in
    --skip-apt) skip_apt=true ;;
    --skip-tests) skip_tests=true ;;
    --skip-launch) skip_launch=true ;;
    --skip-installer) skip_installer=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "smoke: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

# What a real JavaFX window needs on a bare Debian (reference/javafx-platform.md §3): GTK 3, and libXtst, which GTK
# does not pull in; Xvfb and xauth (xvfb-run) for a display; xwininfo (x11-utils) to find the window; ImageMagick's
# import/identify for the screenshot; a CJK font so the Chinese UI shows characters, not boxes (WenQuanYi Micro Hei:
# one 5 MB file); pango/fontconfig/DejaVu for JavaFX's text in the headless tests; procps for pgrep (a minimal
# Debian image has none).
packages=(xvfb xauth libgtk-3-0 libxtst6 x11-utils imagemagick fonts-wqy-microhei
          libpangoft2-1.0-0 fontconfig fonts-dejavu-core procps)
title_pattern='"(FC Permissions Console|函数计算权限控制台)"'   # app.title in English and Chinese

results=()
failed=0
phase_start=0
xvfb_pid='' app_pgid='' app_home=''

now() { echo "$EPOCHREALTIME"; }
begin() { phase_start=$(now); echo "smoke: -- $1"; }
# one line per phase: name, ok/FAILED/skipped, wall time, detail
report() {
  local name=$1 status=$2 detail=${3:-}
  local line
  line=$(awk -v name="$name" -v status="$status" -v t0="$phase_start" -v t1="$(now)" -v detail="$detail" \
           'BEGIN { printf "smoke: %-9s %-7s %6.1f s  %s", name, status, t1 - t0, detail }')
  echo "$line"
  results+=("$line")
  [ "$status" != FAILED ] || failed=1
}
skipped() { phase_start=$(now); report "$1" skipped "$2"; }
tail_of() { echo "---- last lines of $1"; tail -n "${2:-40}" "$1" | sed 's/^/    /'; echo "----"; }

# Stops the launch command's whole process group (the shell, Maven and the app JVM it forked); fails if any of it
# is still there a second after SIGKILL.
stop_app() {
  [ -n "$app_pgid" ] || return 0
  local pgid=$app_pgid
  app_pgid=''
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 40); do pgrep -g "$pgid" >/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 4); do pgrep -g "$pgid" >/dev/null || return 0; sleep 0.25; done
  return 1
}
stop_display() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=''
  fi
}
cleanup() {
  stop_app
  stop_display
  [ -z "$app_home" ] || rm -rf "$app_home"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. packages
if $skip_apt; then
  skipped packages "--skip-apt"
else
  begin packages
  need=()
  for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  if [ ${#need[@]} -eq 0 ]; then
    report packages ok "all present"
  elif [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    report packages FAILED "missing ${need[*]}; run as root or install them"
  else
    sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    if { "${sudo[@]}" apt-get update -qq \
         && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"; } \
         >"$out/apt.log" 2>&1; then
      report packages ok "installed ${need[*]}"
    else
      report packages FAILED "apt-get install ${need[*]} failed"
      tail_of "$out/apt.log"
    fi
  fi
  # JavaFX finds fallback fonts through fontconfig: no font for Chinese there means boxes on a Chinese screen
  if [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    begin cjk-font
    report cjk-font FAILED "fontconfig knows no font for Chinese (fc-list :lang=zh is empty)"
  fi
fi

# ---- 2. README's commands: the first ```sh block, its lines that are neither blank nor comments: launch, then test
begin readme
mapfile -t commands < <(awk '/^```sh[[:space:]]*$/ && !seen {inside=1; seen=1; next}
                             inside && /^```/ {exit}
                             inside && !/^[[:space:]]*(#|$)/ {print}' README.md)
if [ ${#commands[@]} -ne 2 ]; then
  report readme FAILED "README.md's first \`\`\`sh block must hold exactly 2 command lines (launch, then test); found ${#commands[@]}"
  printf '    %s\n' "${commands[@]}"
  launch_cmd='' test_cmd=''
else
  launch_cmd=${commands[0]} test_cmd=${commands[1]}
  report readme ok "launch: $launch_cmd | test: $test_cmd"
fi

# ---- 3. README's test command
if $skip_tests; then
  skipped tests "--skip-tests"
elif [ -z "$test_cmd" ]; then
  skipped tests "no test command"
else
  begin "tests: $test_cmd (log: target/smoke/tests.log)"
  if bash -c "$test_cmd" >"$out/tests.log" 2>&1; then
    # the last "Tests run" line is Maven's total; without -B it carries colour codes
    report tests ok "$(sed 's/\x1b\[[0-9;]*m//g' "$out/tests.log" | grep -E 'Tests run: [0-9]+, Failures' | tail -n 1 \
                       | sed 's/^\[[A-Z]*\] *//')"
  else
    report tests FAILED "\`$test_cmd\` failed"
    tail_of "$out/tests.log" 80
  fi
fi

# ---- 4. README's launch command under Xvfb
start_display() {
  local fifo=$out/displayfd
  rm -f "$fifo" && mkfifo "$fifo"
  # -displayfd: Xvfb picks a free display number itself and writes it when it accepts connections
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" >"$out/xvfb.log" 2>&1 &
  xvfb_pid=$!
  local number
  if ! read -r -t 20 number <"$fifo"; then
    rm -f "$fifo"
    return 1
  fi
  rm -f "$fifo"
  export DISPLAY=":$number"
}

# The largest window titled like the app (GTK also makes small helper windows with the same title): "id WxH".
app_window() {
  xwininfo -root -tree 2>/dev/null | grep -E "$title_pattern" \
    | sed -nE 's/^[[:space:]]*(0x[0-9a-f]+) .* ([0-9]+)x([0-9]+)[+-][0-9]+[+-][0-9]+ .*/\1 \2 \3/p' \
    | awk '{ if ($2 * $3 > best) { best = $2 * $3; line = $1 " " $2 "x" $3 } } END { if (best > 100) print line }'
}

launch_app() {
  local log=$out/launch.log deadline window shot=$out/launch.png previous='' signature
  app_home=$(mktemp -d)
  rm -f "$out/launch.pgid"
  # The forked app JVM reads JDK_JAVA_OPTIONS (so does Maven's own, harmlessly). setsid gives the command a process
  # group of its own to stop; the shell inside names it (its pid is the group id), whether or not setsid forked.
  JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:+$JDK_JAVA_OPTIONS }-Dfcperm.home=$app_home -Dfcperm.startup.report=true" \
    setsid bash -c 'echo $$ >"$1"; exec bash -c "$2"' launch "$out/launch.pgid" "$launch_cmd" </dev/null >"$log" 2>&1 &
  for _ in $(seq 100); do [ -s "$out/launch.pgid" ] && break; sleep 0.05; done
  app_pgid=$(cat "$out/launch.pgid")
  rm -f "$out/launch.pgid"

  deadline=$(( $(date +%s) + ${SMOKE_LAUNCH_TIMEOUT:-300} ))
  until grep -q '^STARTUP first-window ' "$log" && grep -q '^STARTUP sandbox-ready ' "$log"; do
    if ! pgrep -g "$app_pgid" >/dev/null; then
      report launch FAILED "\`$launch_cmd\` exited before printing both STARTUP lines"; tail_of "$log"; return
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      report launch FAILED "no 'STARTUP first-window' and 'STARTUP sandbox-ready' within ${SMOKE_LAUNCH_TIMEOUT:-300} s"
      tail_of "$log"; return
    fi
    sleep 0.5
  done

  # Painted = the window's capture is not all black (an early capture is: reference/javafx-platform.md §3) and two
  # captures half a second apart are the same picture (the Connect page has finished connecting).
  deadline=$(( $(date +%s) + ${SMOKE_PAINT_TIMEOUT:-60} ))
  while :; do
    window=$(app_window)
    if [ -n "$window" ] && import -window "${window%% *}" "$shot" 2>>"$out/import.log" \
       && [ "$(identify -format '%[max]' "$shot")" != 0 ]; then
      signature=$(identify -format '%#' "$shot")
      [ "$signature" != "$previous" ] || break
      previous=$signature
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      report launch FAILED "window ${window:-(none titled like the app)} not painted within ${SMOKE_PAINT_TIMEOUT:-60} s"
      xwininfo -root -tree 2>&1 | sed 's/^/    /' | head -n 30; tail_of "$log"; return
    fi
    sleep 0.5
  done

  local first ready errors
  first=$(awk '/^STARTUP first-window/ {print $3; exit}' "$log")
  ready=$(awk '/^STARTUP sandbox-ready/ {print $3; exit}' "$log")
  if ! stop_app; then
    report launch FAILED "processes of the launch command still run after SIGKILL"; return
  fi
  errors=$(grep -cE '^(Exception|Caused by)|^[[:space:]]+at [a-z]' "$log" || true)
  local note=''
  [ "$errors" = 0 ] || note="; $errors stack-trace lines in target/smoke/launch.log"
  report launch ok "window ${window#* } painted (target/smoke/launch.png); first window ${first} ms, sandbox ready ${ready} ms after JVM start$note"
  [ "$errors" = 0 ] || tail_of "$log" 30
}

if $skip_launch; then
  skipped launch "--skip-launch"
elif [ -z "$launch_cmd" ]; then
  skipped launch "no launch command"
else
  begin "launch: $launch_cmd under Xvfb (log: target/smoke/launch.log)"
  if start_display; then
    launch_app
    stop_app || echo "smoke: warning: processes of the launch command survived SIGKILL"
  else
    report launch FAILED "Xvfb did not start"; tail_of "$out/xvfb.log"
  fi
  rm -rf "$app_home"; app_home=''
fi

# ---- 4b. the launcher's promise: a second start with nothing changed does not run Maven
if ! $skip_launch && [ -x ./fcperm ]; then
  begin relaunch
  if ! ./fcperm --help >"$out/relaunch.log" 2>&1; then
    report relaunch FAILED "./fcperm --help failed"; tail_of "$out/relaunch.log"
  elif grep -q 'building with Maven' "$out/relaunch.log"; then
    report relaunch FAILED "./fcperm ran Maven again although nothing changed"; tail_of "$out/relaunch.log"
  else
    report relaunch ok "no Maven on a built tree"
  fi
fi

# ---- 5. the Linux installer: build the .deb, then check it (the display stays up for check-linux.sh's window test)
if $skip_installer; then
  skipped installer "--skip-installer"
elif [ ! -f installer/build-linux.sh ] || [ ! -f installer/check-linux.sh ]; then
  skipped installer "installer/build-linux.sh or installer/check-linux.sh not in this tree"
else
  begin "installer: build-linux.sh deb, check-linux.sh (logs: target/smoke/installer-*.log)"
  if [ -z "$xvfb_pid" ]; then start_display || echo "smoke: no Xvfb; check-linux.sh runs without a display"; fi
  if ! bash installer/build-linux.sh deb >"$out/installer-build.log" 2>&1; then
    report installer FAILED "installer/build-linux.sh deb failed"; tail_of "$out/installer-build.log"
  elif ! bash installer/check-linux.sh >"$out/installer-check.log" 2>&1; then
    report installer FAILED "installer/check-linux.sh failed"; tail_of "$out/installer-check.log"
  else
    report installer ok "$(ls target/installer/*.deb 2>/dev/null | xargs -r -n1 basename | tr '\n' ' ')"
  fi
fi
stop_display

echo
echo "smoke: summary"
printf '%s\n' "${results[@]}"
if [ "$failed" -ne 0 ]; then
  echo "smoke: FAILED"
  exit 1
fi
echo "smoke: all phases passed"
