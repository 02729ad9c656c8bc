#!/usr/bin/env bash
# installer/check-linux.sh [DEB]
#
# Checks a built .deb (default: the one in target/installer/) the way a user meets it, without installing it:
# unpacks it with dpkg-deb -x into a scratch root, then
#   - the package: name, install folder, Depends (libgtk-3-0 ...), desktop entry, icon, AppStream metadata;
#   - `policy validate --json` of the installed launcher (stdout is JSON and nothing else);
#   - `sandbox --port 0 --data DIR` headless (no DISPLAY), then one signed request with the official SDK from
#     installer/SignedRequest.java (system java, the package's jars), a wrongly signed one, and a Test Function run
#     (the probe in a child JVM, which must be the package's own runtime/bin/java); then SIGTERM stops it all;
#   - the AppCDS archive is accepted where the package installs to (-Xshare:on makes a rejected archive fatal);
#   - with a display (DISPLAY, or Xvfb, installed with apt-get when missing and root): the window opens with a fresh
#     -Dfcperm.home, reports "STARTUP first-window", carries the app icon and the desktop entry's StartupWMClass,
#     and a screenshot of it (target/installer/check/window.png) is not blank.
# The installed files are run where the package puts them, /opt/fc-permissions-console, by showing the scratch copy
# there in a private mount namespace (unshare); without unshare they run from the scratch root and the AppCDS check
# is skipped. One line per check; exit 0 only if none failed. Never prints a secret.
# The conditions check() takes are single-quoted shell text it evaluates, which shellcheck cannot follow:
# shellcheck disable=SC2016,SC2034
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME=fc-permissions-console
INSTALL_DIR=/opt/$NAME
SHOTS=$ROOT/target/installer/check

if [ $# -gt 1 ] || [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
  echo "usage: $0 [path/to/$NAME.deb]" >&2
  exit 2
fi
if [ $# = 1 ]; then
  DEB=$1
else
  debs=("$ROOT/target/installer/${NAME}_"*.deb)
  [ -f "${debs[0]}" ] || { echo "check-linux: no .deb in target/installer: run installer/build-linux.sh deb" >&2; exit 2; }
  [ ${#debs[@]} = 1 ] || { echo "check-linux: several .deb files in target/installer; name one" >&2; exit 2; }
  DEB=${debs[0]}
fi
[ -f "$DEB" ] || { echo "check-linux: no such file: $DEB" >&2; exit 2; }
DEB=$(readlink -f "$DEB")

passed=0; failed=0; skipped=0
pass() { echo "PASS $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
skip() { echo "SKIP $*"; skipped=$((skipped + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }   # check DESCRIPTION CONDITION
# The last lines of a log, for a failed check (the app and the sandbox never log secrets).
show_log() { echo "---- last lines of $1:"; tail -n "${2:-15}" "$1" | sed 's/^/    /'; echo "----"; }

scratch=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT
# waits up to SECONDS for CONDITION (a shell expression)
wait_for() { local deadline=$(( $(date +%s) + $1 )); until eval "$2"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.3; done; }

echo "check-linux: $DEB"

# ---- the package -----------------------------------------------------------------------------------------------------
check "package name is $NAME" '[ "$(dpkg-deb -f "$DEB" Package)" = "$NAME" ]'
depends=$(dpkg-deb -f "$DEB" Depends)
for lib in libgtk-3-0 libxtst6 libpangoft2-1.0-0; do
  check "Depends has $lib" '[[ ",${depends// /}," == *",$lib,"* ]]'
done
dpkg-deb -x "$DEB" "$scratch/root"
APP=$scratch/root$INSTALL_DIR
check "installs its launcher as $INSTALL_DIR/bin/$NAME" '[ -x "$APP/bin/$NAME" ]'
check "carries its own java for function instances ($INSTALL_DIR/lib/runtime/bin/java)" '[ -x "$APP/lib/runtime/bin/java" ]'
desktop=$APP/lib/$NAME-$NAME.desktop
if [ -f "$desktop" ]; then
  exec_line=$(sed -n 's/^Exec=//p' "$desktop"); icon=$(sed -n 's/^Icon=//p' "$desktop")
  check "desktop entry: Exec=$exec_line, Icon=$icon (in the package)" \
    '[ "$exec_line" = "$INSTALL_DIR/bin/$NAME" ] && [ -f "$scratch/root$icon" ]'
  if command -v desktop-file-validate >/dev/null; then
    check "desktop entry passes desktop-file-validate" 'desktop-file-validate "$desktop" >"$scratch/desktop.log" 2>&1'
  fi
else
  fail "desktop entry: no $INSTALL_DIR/lib/$NAME-$NAME.desktop"
fi
metainfo=$(ls "$APP"/lib/*.metainfo.xml 2>/dev/null || true)
if [ -n "$metainfo" ] && command -v appstreamcli >/dev/null; then
  check "AppStream metadata $(basename "$metainfo") passes appstreamcli validate" \
    'appstreamcli validate --no-net "$metainfo" >"$scratch/appstream.log" 2>&1'
else
  check "AppStream metadata in the package" '[ -n "$metainfo" ]'
fi

# ---- how the installed files are run ---------------------------------------------------------------------------------
# In a private mount namespace the scratch copy is seen at INSTALL_DIR, as after dpkg -i: the launcher finds itself,
# its jars and its AppCDS archive at the paths the package was built for. Nothing outside the command sees it.
# (a command prefix, not a function: started with & it is then the launcher's own process, which SIGTERM reaches)
if unshare --map-root-user --mount true 2>/dev/null; then
  LAUNCHER=$INSTALL_DIR/bin/$NAME
  installed=(unshare --map-root-user --mount sh -c
    'mount -t tmpfs tmpfs "$(dirname "$2")" && mkdir "$2" && mount --bind "$1" "$2" && shift 2 && exec "$@"'
    sh "$APP" "$INSTALL_DIR")
  echo "     (running the package as $INSTALL_DIR in a private mount namespace)"
else
  LAUNCHER=$APP/bin/$NAME
  installed=(env)
  echo "     (no unshare: running the package from the scratch root $APP)"
fi

# ---- policy --------------------------------------------------------------------------------------------------------
cat >"$scratch/policy.json" <<'EOF'
{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:PutObject", "Resource": "acs:oss:*:*:my-bucket/*"}]}
EOF
policy_out=$("${installed[@]}" env -u DISPLAY "$LAUNCHER" policy validate --json "$scratch/policy.json" 2>"$scratch/policy.err") \
  && policy_status=0 || policy_status=$?
check "policy validate --json: exit 0, stdout one JSON object saying valid" \
  '[ $policy_status = 0 ] && [ "$(wc -l <<<"$policy_out")" = 1 ] && grep -q "^{.*\"valid\":true" <<<"$policy_out"'

# ---- sandbox, headless, and a signed request -------------------------------------------------------------------------
data=$scratch/sandbox
"${installed[@]}" env -u DISPLAY "$LAUNCHER" sandbox --port 0 --data "$data" >"$scratch/sandbox.out" 2>"$scratch/sandbox.err" &
sandbox_pid=$!
pids+=("$sandbox_pid")
if wait_for 90 '[ -s "$data/sandbox.json" ] || ! kill -0 $sandbox_pid 2>/dev/null'; [ -s "$data/sandbox.json" ]; then
  pass "sandbox (no DISPLAY) ready: $(sed -n 's/;.*//p' "$scratch/sandbox.out")"
  check "sandbox.json is readable by its owner only (0600)" '[ "$(stat -c %a "$data/sandbox.json")" = 600 ]'
  urls=$(grep -o '"http://[^"]*"' "$data/sandbox.json" || true)
  check "sandbox listens on loopback only" '[ -n "$urls" ] && ! grep -qv "^\"http://127\.0\.0\.1:" <<<"$urls"'
  if command -v java >/dev/null; then
    set +e
    java --add-opens java.base/java.lang=ALL-UNNAMED -cp "$APP/lib/app/*" "$ROOT/installer/SignedRequest.java" \
      "$data" --test-function >"$scratch/signed.out" 2>"$scratch/signed.err"
    signed_status=$?
    set -e
    sed 's/^/     /' "$scratch/signed.out"
    check "signed requests and the Test Function run (installer/SignedRequest.java, system java)" \
      '[ $signed_status = 0 ] && grep -q "^PASS test function" "$scratch/signed.out"'
    [ $signed_status = 0 ] || show_log "$scratch/signed.err"
    # the sandbox keeps the function instance warm: it is a child of the sandbox process
    children=$(pgrep -P "$sandbox_pid" || true)
    child_exes=$(for child in $children; do readlink "/proc/$child/exe" || true; done)
    expected_java=$(dirname "$(dirname "$LAUNCHER")")/lib/runtime/bin/java
    check "the function instance runs on the package's java ($(sed -n 1p <<<"$child_exes"))" \
      '[ -n "$child_exes" ] && ! grep -qvxF "$expected_java" <<<"$child_exes"'
  else
    fail "signed request: no system java to run installer/SignedRequest.java"
  fi
  kill -TERM "$sandbox_pid"
  if wait_for 20 '! kill -0 $sandbox_pid 2>/dev/null'; then
    wait "$sandbox_pid" && sandbox_status=0 || sandbox_status=$?
    left=$(for child in ${children:-}; do kill -0 "$child" 2>/dev/null && echo "$child"; done || true)
    # 143: the JVM's status when SIGTERM ended it
    check "SIGTERM stops the sandbox (exit status $sandbox_status) and its function instances" \
      '{ [ $sandbox_status = 0 ] || [ $sandbox_status = 143 ]; } && [ -z "$left" ]'
  else
    fail "SIGTERM did not stop the sandbox within 20 s"
    kill -KILL "$sandbox_pid" 2>/dev/null || true
  fi
else
  fail "sandbox did not write sandbox.json within 90 s"
  show_log "$scratch/sandbox.err"
fi

# ---- AppCDS ----------------------------------------------------------------------------------------------------------
if [ "$LAUNCHER" = "$INSTALL_DIR/bin/$NAME" ]; then
  check "AppCDS archive accepted at $INSTALL_DIR (-Xshare:on)" \
    '"${installed[@]}" env -u DISPLAY JAVA_TOOL_OPTIONS=-Xshare:on "$LAUNCHER" --help >"$scratch/cds.log" 2>&1'
else
  skip "AppCDS archive at $INSTALL_DIR: cannot show the package there without unshare"
fi

# ---- the window ------------------------------------------------------------------------------------------------------
# A local display (":N"): its socket is there. Otherwise our own Xvfb, installed with apt-get when missing and root.
have_display() { local n=${DISPLAY:-}; n=${n#*:}; n=${n%%.*}; [ -n "$n" ] && [ -S "/tmp/.X11-unix/X$n" ]; }
as_root_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && { apt-get update -q && \
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; } >>"$scratch/apt.log" 2>&1; }
if ! have_display && ! command -v Xvfb >/dev/null; then
  echo "     (installing xvfb for the window check)"
  as_root_apt xvfb xauth libgtk-3-0 libxtst6 libpangoft2-1.0-0 || true
fi
if ! have_display && command -v Xvfb >/dev/null; then
  n=90
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
  pids+=("$!")
  export DISPLAY=:$n
  wait_for 10 'have_display' || true
fi
if have_display && [ ! -x /usr/bin/import ]; then
  echo "     (installing imagemagick for the screenshot)"
  as_root_apt imagemagick || true
fi

if ! have_display; then
  skip "window: no display, and no Xvfb (apt-get install xvfb)"
else
  home=$scratch/home
  mkdir -p "$home" "$SHOTS"
  "${installed[@]}" env HOME="$home" JAVA_TOOL_OPTIONS="-Dfcperm.home=$home/fcperm -Dfcperm.startup.report=true" \
    "$LAUNCHER" >"$scratch/window.out" 2>"$scratch/window.err" &
  window_pid=$!
  pids+=("$window_pid")
  if wait_for 120 'grep -q "^STARTUP first-window" "$scratch/window.out" || ! kill -0 $window_pid 2>/dev/null' \
      && grep -q "^STARTUP first-window" "$scratch/window.out"; then
    pass "window shown: $(grep '^STARTUP first-window' "$scratch/window.out") ms after JVM start (fresh fcperm.home)"
    if command -v xprop >/dev/null && command -v xwininfo >/dev/null; then
      wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop" 2>/dev/null || true)
      # (outputs captured first: grep -q or awk closing a pipe early fails the writer under pipefail)
      windows=$(xwininfo -root -children)
      window_id=$(awk -v c="(\"$wm_class\" \"$wm_class\")" 'index($0, c) {print $1; exit}' <<<"$windows")
      check "a window has WM_CLASS \"$wm_class\" (the desktop entry's StartupWMClass)" '[ -n "$wm_class" ] && [ -n "$window_id" ]'
      icon_property=$( [ -z "$window_id" ] || xprop -id "$window_id" _NET_WM_ICON)
      check "the window carries the app icon (_NET_WM_ICON)" 'grep -q "Icon (" <<<"$icon_property"'
    else
      skip "window class and icon: no xprop/xwininfo (apt-get install x11-utils)"
    fi
    if [ -x /usr/bin/import ]; then
      # the first frames can still be black: retake until the picture has the window's colours
      shot=$SHOTS/window.png
      colours=0
      wait_for 20 '/usr/bin/import -window root "$shot" 2>/dev/null && colours=$(/usr/bin/convert "$shot" -format %k info:) && [ "$colours" -gt 64 ]' || true
      check "screenshot $shot is not blank ($colours colours)" '[ "$colours" -gt 64 ]'
    else
      skip "screenshot: no /usr/bin/import (apt-get install imagemagick)"
    fi
  else
    fail "window: no 'STARTUP first-window' within 120 s"
    show_log "$scratch/window.err"
  fi
  kill -TERM "$window_pid" 2>/dev/null || true
  wait_for 20 '! kill -0 $window_pid 2>/dev/null' || { fail "the window did not close on SIGTERM"; kill -KILL "$window_pid" 2>/dev/null || true; }
fi

echo "check-linux: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
