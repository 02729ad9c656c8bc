#!/usr/bin/env bash
# installer/build-macos.sh [app-image|dmg|all]
#
# Builds the macOS app bundle and .dmg of FC Permissions Console with jpackage (JDK 17), the same recipe as
# installer/build-linux.sh: mvn package, the runtime jars, a jlinked runtime with JavaFX linked in (the
# javafx-*-mac.jar or javafx-*-mac-aarch64.jar modules Maven resolves on this Mac), the JVM options every launch
# needs, the icon from resources/fc-permissions-console.icns, and the runtime's base CDS archive.
#   app-image  target/installer/app-image/FC Permissions Console.app
#   dmg        target/installer/FC Permissions Console-<version>.dmg
#   all        (default) both
# Not run where it was written (a Linux machine): see installer/README.md. Needs a full JDK 17 (JAVA_HOME or
# /usr/libexec/java_home -v 17) and Maven. Written for the bash 3.2 macOS ships. The bundle is not signed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/target/installer
WORK=$OUT/work
LOGS=$WORK/logs

APP_NAME="FC Permissions Console"
NAME=fc-permissions-console
MAIN_CLASS=fcperm.app.Main
VENDOR="FC Permissions Console project"
BUNDLE_ID=io.github.fcperm.FcPermissionsConsole
MENU_BAR_NAME="FC Permissions"                       # macOS wants fewer than 16 characters here
# As in build-linux.sh (README "Runtime modules" says how the list was found).
MODULES=javafx.controls,javafx.fxml,java.compiler,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.sql,java.xml,jdk.unsupported
MODULES=$MODULES,jdk.crypto.ec,jdk.localedata
# Every launch: the FC SDK reflects into java.lang; JVM warnings on stderr, not stdout. No app AppCDS archive on
# macOS (installer/README.md, "AppCDS").
JAVA_OPTIONS=(--java-options --add-opens=java.base/java.lang=ALL-UNNAMED
              --java-options -Xlog:all=off:stdout --java-options -Xlog:all=warning:stderr)

step() { printf '==> %s\n' "$*"; }
fail() { printf 'build-macos: %s\n' "$*" >&2; exit 1; }
# runs a tool with its output in LOG; on failure shows the end of the log and stops
run_logged() { local log=$1; shift; "$@" >"$log" 2>&1 || { tail -n 40 "$log" >&2; fail "$1 failed (log: $log)"; }; }

TARGET=${1:-all}
case $TARGET in
  app-image|dmg|all) ;;
  *) echo "usage: $0 [app-image|dmg|all]" >&2; exit 2 ;;
esac
[ "$(uname -s)" = Darwin ] || fail "this builds the macOS bundle and must run on macOS (Linux: installer/build-linux.sh)"

JDK=${JAVA_HOME:-$(/usr/libexec/java_home -v 17 2>/dev/null || true)}
[ -n "$JDK" ] || fail "no JDK 17: set JAVA_HOME"
for tool in jlink jpackage java; do [ -x "$JDK/bin/$tool" ] || fail "no $tool in $JDK/bin: set JAVA_HOME to a full JDK 17"; done
[ -d "$JDK/jmods" ] || fail "no $JDK/jmods: jlink needs a JDK with jmods (e.g. Temurin 17)"
command -v mvn >/dev/null || fail "no mvn on PATH"

started=$(date +%s)
mkdir -p "$OUT"
rm -rf "$WORK"
mkdir -p "$LOGS"

# ---- 1. the app and its runtime jars -------------------------------------------------------------------------------
step "mvn package + runtime dependencies"
run_logged "$LOGS/mvn.log" mvn -q -B -ntp -f "$ROOT/pom.xml" -DskipTests package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$WORK/deps"
VERSION=$(sed -n 's/^version=//p' "$ROOT/target/maven-archiver/pom.properties")
APP_JAR=$ROOT/target/$NAME-$VERSION.jar
[ -f "$APP_JAR" ] || fail "no $APP_JAR after mvn package"
APP_VERSION=${VERSION%%-*}      # a bundle version is numbers only: 0.1.0, not 0.1.0-SNAPSHOT
DESCRIPTION=$(sed -n 's:.*<description>\(.*\)</description>.*:\1:p' "$ROOT/pom.xml" | sed -n 1p)
echo "    version $VERSION (packaged as $APP_VERSION)"

mkdir -p "$WORK/input" "$WORK/fxmods"
cp "$APP_JAR" "$WORK/input/"
for jar in "$WORK/deps"/*.jar; do
  case $(basename "$jar") in
    javafx-*-mac.jar|javafx-*-mac-aarch64.jar) cp "$jar" "$WORK/fxmods/" ;;   # real modules with the dylibs
    javafx-*.jar) ;;                                                           # empty placeholders
    *) cp "$jar" "$WORK/input/" ;;
  esac
done
ls "$WORK/fxmods"/javafx-graphics-*.jar >/dev/null 2>&1 || fail "no javafx-graphics-*-mac*.jar in the dependencies"

# ---- 2. the runtime ------------------------------------------------------------------------------------------------
# Not --strip-native-commands: the sandbox runs functions in a child JVM started from this runtime's bin/java.
step "jlink runtime ($MODULES)"
run_logged "$LOGS/jlink.log" "$JDK/bin/jlink" --module-path "$JDK/jmods:$WORK/fxmods" --add-modules "$MODULES" \
  --include-locales=en,zh --strip-debug --no-man-pages --no-header-files --output "$WORK/runtime"
# The base CDS archive jlink does not make: valid wherever the runtime ends up (its check is the modules file's size)
run_logged "$LOGS/xshare-dump.log" "$WORK/runtime/bin/java" -Xshare:dump
echo "    $(du -sh "$WORK/runtime" | cut -f1)"

# ---- 3. the app bundle ---------------------------------------------------------------------------------------------
COMMON=(--name "$APP_NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
        --copyright "the $VENDOR")
step "jpackage app-image"
rm -rf "$OUT/app-image"
run_logged "$LOGS/jpackage-app-image.log" "$JDK/bin/jpackage" --type app-image "${COMMON[@]}" \
  --input "$WORK/input" --main-jar "$(basename "$APP_JAR")" --main-class "$MAIN_CLASS" \
  --runtime-image "$WORK/runtime" "${JAVA_OPTIONS[@]}" \
  --icon "$ROOT/resources/fc-permissions-console.icns" \
  --mac-package-identifier "$BUNDLE_ID" --mac-package-name "$MENU_BAR_NAME" \
  --dest "$OUT/app-image" --verbose
APP=$OUT/app-image/$APP_NAME.app
echo "    $APP: $(du -sh "$APP" | cut -f1)"
# Smoke test: the launcher in the bundle runs the sub-commands from a terminal too
"$APP/Contents/MacOS/$APP_NAME" --help >"$LOGS/help.log" 2>&1 || { cat "$LOGS/help.log" >&2; fail "the bundle's launcher does not start"; }

# ---- 4. the .dmg ---------------------------------------------------------------------------------------------------
if [ "$TARGET" != app-image ]; then
  step "jpackage dmg"
  rm -f "$OUT/$APP_NAME"-*.dmg
  run_logged "$LOGS/jpackage-dmg.log" "$JDK/bin/jpackage" --type dmg --app-image "$APP" "${COMMON[@]}" \
    --dest "$OUT" --verbose
  for dmg in "$OUT/$APP_NAME"-*.dmg; do echo "    $dmg: $(du -h "$dmg" | cut -f1)"; done
fi

step "done in $(( $(date +%s) - started ))s"
