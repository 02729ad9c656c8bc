#!/usr/bin/env bash
# README's launch command, timed as a user feels it: from typing the command to the app's first shown window, on an
# already built tree, over several runs, interleaved in one run so that load from elsewhere hits every row alike.
#
#   bench/launch.sh [RUNS]        (default 5; run it under xvfb-run, or on a desktop, for real windows)
#
# Rows:
#   fcperm          ./fcperm with its AppCDS archive (the state after the first launch)
#   fcperm-nocds    ./fcperm with FCPERM_NO_CDS=1: the launcher without the archive
#   javafx:run      mvn javafx:run (Maven's start, its up-to-date check, then the forked JVM)
# Each run uses a fresh temporary app home and quits once the window is shown and the sandbox is ready. The figure
# is wall time from the command's start to the app's "STARTUP first-window" line; "sandbox" is the same for the
# "STARTUP sandbox-ready" line.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/startup-runs.sh
runs=${1:-5}

# Build once and train the archive with one window, so every timed row starts from a built tree.
train_home=$(mktemp -d)
JAVA_TOOL_OPTIONS="-Dfcperm.startup.exit=true -Dfcperm.home=$train_home" timeout 300 ./fcperm >/dev/null 2>&1
rm -rf "$train_home"
[ -s target/launcher/app.jsa ] || echo "note: no AppCDS archive was written by the training run"

# one run of ROW: prints "<first-window ms> <sandbox-ready ms>", wall time from the command's start
run() {
  local row=$1 home t0 line w=- r=-
  home=$(mktemp -d)
  t0=$EPOCHREALTIME
  while IFS= read -r line; do
    case "$line" in
      *"STARTUP first-window"*) w=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%d", (b - a) * 1000}') ;;
      *"STARTUP sandbox-ready"*) r=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%d", (b - a) * 1000}') ;;
    esac
  done < <(
    export JAVA_TOOL_OPTIONS="-Dfcperm.startup.report=true -Dfcperm.startup.exit=true -Dfcperm.home=$home"
    case "$row" in
      fcperm)       timeout 120 ./fcperm 2>/dev/null || true ;;
      fcperm-nocds) FCPERM_NO_CDS=1 timeout 120 ./fcperm 2>/dev/null || true ;;
      javafx:run)   timeout 300 mvn -q -B -ntp -Dstyle.color=never javafx:run 2>/dev/null || true ;;
    esac)
  rm -rf "$home"
  echo "$w $r"
}

rows=(fcperm fcperm-nocds javafx:run)
interleave "$runs" "${rows[@]}"
median() { stats | cut -d' ' -f1; }

echo
echo "median over $runs runs, ms from the command's start (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %-13s %13s %14s %16s\n' row first-window sandbox-ready "window/javafx:run"
base=$(median <<<"${window[javafx:run]}")
for row in "${rows[@]}"; do
  w=$(median <<<"${window[$row]}")
  r=$(median <<<"${ready[$row]}")
  ratio=$(awk -v w="$w" -v b="$base" 'BEGIN {if (w ~ /^[0-9]+$/ && b > 0) printf "%.2fx", w / b; else print "-"}')
  printf '  %-13s %13s %14s %16s\n' "$row" "$w" "$r" "$ratio"
done
