#!/usr/bin/env bash
# Start-up time of the desktop app: from JVM start to the first shown window, and to "sandbox ready" (the embedded
# sandbox answering), over several runs, beside a bare one-Label JavaFX window started the same way.
#
#   bench/startup.sh [RUNS]        (default 7)
#
# With a DISPLAY (e.g. under xvfb-run) the windows are real GTK windows; without one they render headless through
# Monocle, as the GUI tests do. Every run uses a fresh temporary home, so the sandbox starts from an empty database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}

mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:$(cat target/bench-classpath.txt)"
# compiled once, so its runs measure a JavaFX start, not the source launcher's compiler
mkdir -p target/bench
javac -d target/bench -cp "$classpath" bench/BareWindow.java

flags=(--add-opens java.base/java.lang=ALL-UNNAMED -Dprism.order=sw -Djava.awt.headless=true
       -Djavafx.cachedir=target/openjfx-cache -Dfcperm.startup.report=true -Dfcperm.startup.exit=true)
if [ -z "${DISPLAY:-}" ]; then
  flags+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless)
  echo "no DISPLAY: headless (Monocle)"
else
  echo "DISPLAY=$DISPLAY: real windows"
fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "-"} else if (NR%2) {print a[(NR+1)/2]} else {print int((a[NR/2]+a[NR/2+1])/2)}}'; }

bare=() window=() ready=()
for i in $(seq "$runs"); do
  out=$(java "${flags[@]}" -cp "target/bench:$classpath" BareWindow 2>/dev/null)
  bare+=("$(awk '/^STARTUP first-window/ {print $3}' <<<"$out")")

  home=$(mktemp -d)
  out=$(timeout 120 java "${flags[@]}" -Dfcperm.home="$home" -cp "$classpath" fcperm.app.Main 2>/dev/null || true)
  rm -rf "$home"
  window+=("$(awk '/^STARTUP first-window/ {print $3}' <<<"$out")")
  ready+=("$(awk '/^STARTUP sandbox-ready/ {print $3}' <<<"$out")")
  echo "run $i: bare window ${bare[-1]} ms, app window ${window[-1]:--} ms, sandbox ready ${ready[-1]:--} ms"
done

echo
echo "median over $runs runs (ms since JVM start):"
echo "  bare JavaFX window   $(printf '%s\n' "${bare[@]}" | grep -v '^$' | median)"
echo "  app first window     $(printf '%s\n' "${window[@]}" | grep -v '^$' | median)"
echo "  app sandbox ready    $(printf '%s\n' "${ready[@]}" | grep -v '^$' | median)"
