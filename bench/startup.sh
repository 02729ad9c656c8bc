#!/usr/bin/env bash
# Start-up time of the desktop app: from JVM start to the first shown window, and to "sandbox ready" (the embedded
# sandbox answering), over several runs, beside a bare one-Label JavaFX window started the same way, in one run.
#
#   bench/startup.sh [RUNS]        (default 7; run it under xvfb-run, or on a desktop, for real windows)
#
# Rows, each run interleaved so that load from elsewhere hits them alike:
#   bare             bench/BareWindow.java: one Label, the floor for any JavaFX window
#   bare+cds         the same with its own AppCDS archive
#   app              fcperm.app.Main on the classpath, as `java -cp` (what `mvn javafx:run` forks, minus Maven)
#   app+cds          the same jars with an AppCDS archive trained by one run of the app here (the packaged app's recipe)
#   packaged         target/installer/app-image/*/bin/* when installer/build-linux.sh has built it (its own archive)
# Every app run uses a fresh temporary home, so the sandbox starts from an empty database each time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/startup-runs.sh
runs=${1:-7}

mvn -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
jar=$(ls target/fc-permissions-console-*.jar | grep -v -e sources -e javadoc | sed -n 1p)
# jars only: CDS refuses a classpath with a non-empty directory in it
classpath="$jar:$(cat target/bench-classpath.txt)"
mkdir -p target/bench
# compiled once, so its runs measure a JavaFX start, not the source launcher's compiler
javac -d target/bench -cp "$classpath" bench/BareWindow.java
(cd target/bench && jar --create --file bare-window.jar *.class)

flags=(--add-opens java.base/java.lang=ALL-UNNAMED -Dprism.order=sw -Djava.awt.headless=true
       -Djavafx.cachedir=target/openjfx-cache -Dfcperm.startup.report=true -Dfcperm.startup.exit=true)
if [ -z "${DISPLAY:-}" ]; then
  flags+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless)
  echo "no DISPLAY: headless (Monocle)"
else
  echo "DISPLAY=$DISPLAY: real windows"
fi

launcher=$(ls target/installer/app-image/*/bin/* 2>/dev/null | sed -n 1p || true)

# one run of ROW: prints "<first-window ms> <sandbox-ready ms>" ("-" for a milestone it did not reach)
run() {
  local row=$1 home out
  home=$(mktemp -d)
  case "$row" in
    bare)     out=$(java "${flags[@]}" -cp "target/bench/bare-window.jar:$classpath" BareWindow 2>/dev/null || true) ;;
    bare+cds) out=$(java "${flags[@]}" -XX:SharedArchiveFile=target/bench/bare.jsa \
                      -cp "target/bench/bare-window.jar:$classpath" BareWindow 2>/dev/null || true) ;;
    app)      out=$(timeout 120 java "${flags[@]}" -Dfcperm.home="$home" -cp "$classpath" fcperm.app.Main \
                      2>/dev/null || true) ;;
    app+cds)  out=$(timeout 120 java "${flags[@]}" -XX:SharedArchiveFile=target/bench/app.jsa -Dfcperm.home="$home" \
                      -cp "$classpath" fcperm.app.Main 2>/dev/null || true) ;;
    packaged) out=$(JAVA_TOOL_OPTIONS="-Dfcperm.startup.report=true -Dfcperm.startup.exit=true -Dfcperm.home=$home" \
                      timeout 120 "$launcher" 2>/dev/null || true) ;;
  esac
  rm -rf "$home"
  milestones <<<"$out"
}

# AppCDS training: one run each, archives written at exit (after the window and the sandbox, so both are in them)
train_home=$(mktemp -d)
java "${flags[@]}" -XX:ArchiveClassesAtExit=target/bench/bare.jsa -cp "target/bench/bare-window.jar:$classpath" \
    BareWindow >/dev/null 2>&1
timeout 120 java "${flags[@]}" -XX:ArchiveClassesAtExit=target/bench/app.jsa -Dfcperm.home="$train_home" \
    -cp "$classpath" fcperm.app.Main >/dev/null 2>&1
rm -rf "$train_home"

rows=(bare bare+cds app app+cds)
if [ -n "$launcher" ]; then
  rows+=(packaged)
  echo "packaged app: $launcher"
else
  echo "packaged app: not built (installer/build-linux.sh app-image), row left out"
fi
interleave "$runs" "${rows[@]}"
median() { stats | cut -d' ' -f1; }

echo
echo "median over $runs runs, ms from JVM start (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %-10s %13s %14s %14s\n' row first-window sandbox-ready "window/bare"
bare_median=$(median <<<"${window[bare]}")
for row in "${rows[@]}"; do
  w=$(median <<<"${window[$row]}")
  r=$(median <<<"${ready[$row]}")
  ratio=$(awk -v w="$w" -v b="$bare_median" 'BEGIN {if (w ~ /^[0-9]+$/ && b > 0) printf "%.2fx", w / b; else print "-"}')
  printf '  %-10s %13s %14s %14s\n' "$row" "$w" "$r" "$ratio"
done
