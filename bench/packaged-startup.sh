#!/usr/bin/env bash
# Start-up of the packaged app (the jpackage launcher) with and without its AppCDS archive: ms from JVM start to the
# first shown window and to "sandbox ready", over several runs, the three rows interleaved so load hits them alike.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" bench/packaged-startup.sh [LAUNCHER] [RUNS]
#
# LAUNCHER defaults to the app-image installer/build-linux.sh builds (target/installer/app-image/...); pass
# /opt/fc-permissions-console/bin/fc-permissions-console for the installed .deb. RUNS defaults to 9.
#   appcds    as shipped: the runtime's base CDS archive plus the app's archive (-Xshare:on: a run that cannot use
#             them fails and shows as "-", so a stale archive cannot pass for a fast start)
#   base-cds  only the runtime's base archive: the launcher's .cfg without -XX:SharedArchiveFile, swapped in for the
#             run in a private mount namespace (unshare), so the installed files are never touched
#   no-cds    -Xshare:off
# Every run uses a fresh temporary home, so the sandbox starts from an empty database each time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/startup-runs.sh
launcher=${1:-target/installer/app-image/fc-permissions-console/bin/fc-permissions-console}
runs=${2:-9}
[ -x "$launcher" ] || { echo "no launcher $launcher: run installer/build-linux.sh app-image first" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "no DISPLAY: run under xvfb-run -a -s \"-screen 0 1280x800x24\"" >&2; exit 2; }
launcher=$(readlink -f "$launcher")
app_dir=$(dirname "$(dirname "$launcher")")
cfg=$app_dir/lib/app/$(basename "$launcher").cfg
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
grep -v -e '-XX:SharedArchiveFile=' "$cfg" >"$scratch/base-cds.cfg"

# one run of ROW: prints "<first-window ms> <sandbox-ready ms>" ("-" for a milestone it did not reach)
run() {
  local row=$1 home out share
  home=$(mktemp -d -p "$scratch")
  local flags="-Dfcperm.startup.report=true -Dfcperm.startup.exit=true -Dfcperm.home=$home/fcperm"
  case $row in
    appcds)   share=-Xshare:on ;;
    base-cds) share=-Xshare:on ;;
    no-cds)   share=-Xshare:off ;;
  esac
  if [ "$row" = base-cds ]; then
    # shellcheck disable=SC2016  # the inner script expands its own arguments
    out=$(HOME=$home JAVA_TOOL_OPTIONS="$share $flags" timeout 120 unshare --map-root-user --mount sh -c \
          'mount --bind "$1" "$2" && exec "$3"' sh "$scratch/base-cds.cfg" "$cfg" "$launcher" 2>/dev/null || true)
  else
    out=$(HOME=$home JAVA_TOOL_OPTIONS="$share $flags" timeout 120 "$launcher" 2>/dev/null || true)
  fi
  rm -rf "$home"
  milestones <<<"$out"
}

rows=(appcds base-cds no-cds)
echo "packaged app: $launcher"
run appcds >/dev/null   # one unmeasured run: page cache, fontconfig cache
interleave "$runs" "${rows[@]}"

echo
echo "over $runs runs, ms from JVM start, median (min-max); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-9s %22s %22s\n' row first-window sandbox-ready
for row in "${rows[@]}"; do
  read -r wm wlo whi < <(stats <<<"${window[$row]}")
  read -r rm rlo rhi < <(stats <<<"${ready[$row]}")
  printf '  %-9s %22s %22s\n' "$row" "$wm ($wlo-$whi)" "$rm ($rlo-$rhi)"
done
