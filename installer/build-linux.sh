#!/usr/bin/env bash
# installer/build-linux.sh [app-image|deb|rpm|all]
#
# Builds the Linux app-image and packages of FC Permissions Console with jpackage (JDK 17): a jlinked runtime with
# JavaFX linked in, the app's jars, the JVM options every launch needs, the icon and desktop metadata from
# resources/linux, and an AppCDS archive trained at packaging time in the directory the app runs from.
#   app-image  target/installer/app-image/fc-permissions-console   (archive trained for that directory)
#   deb        target/installer/fc-permissions-console_<version>-1_amd64.deb   (archive trained for /opt/...)
#   rpm        target/installer/fc-permissions-console-<version>-1.x86_64.rpm  (needs rpmbuild)
#   all        (default) app-image and deb, and rpm when rpmbuild exists
# Idempotent; runs from any directory. See installer/README.md for what is inside and why.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/target/installer
WORK=$OUT/work
LOGS=$WORK/logs

NAME=fc-permissions-console                       # package, launcher and folder name (agreed in notes/SHIP.md)
INSTALL_DIR=/opt/$NAME                            # where the .deb and .rpm put it (jpackage's default for NAME)
MAIN_CLASS=fcperm.app.Main
VENDOR="FC Permissions Console project"
METAINFO_ID=io.github.fcperm.FcPermissionsConsole
MENU_GROUP="Development;Utility;"
# Linux libraries JavaFX loads with dlopen, so jpackage's dependency scan cannot see them (reference/javafx-platform.md
# §3-4), in Debian's and in Fedora's names
DEB_DEPS="libgtk-3-0, libxtst6, libpangoft2-1.0-0"
RPM_DEPS="gtk3, libXtst, pango"

# The runtime's modules. jdeps over the app jar and every runtime jar (README "Runtime modules" has the command)
# finds the first line; the second is what only runs at run time: TLS to real endpoints needs jdk.crypto.ec
# (ECDHE), and the Chinese UI wants zh formats from jdk.localedata (trimmed to en and zh below).
MODULES=javafx.controls,javafx.fxml,java.compiler,java.desktop,java.logging,java.management,java.naming,java.security.jgss,java.sql,java.xml,jdk.unsupported
MODULES=$MODULES,jdk.crypto.ec,jdk.localedata
# Every launch: the FC SDK reflects into java.lang; the AppCDS archive next to the jars; JVM warnings (e.g. "unable
# to use shared archive" when an app-image was moved) on stderr, not stdout, so `policy --json` output stays clean.
# (Diagnose with JAVA_TOOL_OPTIONS=-Xlog:cds:file=/tmp/cds.log: these options would turn a stdout log off again.)
JAVA_OPTIONS=(
  "--add-opens=java.base/java.lang=ALL-UNNAMED"
  "-XX:SharedArchiveFile=\$APPDIR/$NAME.jsa"
  "-Xlog:all=off:stdout" "-Xlog:all=warning:stderr"
)

usage() { echo "usage: $0 [app-image|deb|rpm|all]" >&2; }
step() { printf '==> %s\n' "$*"; }
fail() { printf 'build-linux: %s\n' "$*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s) - $1 ))s; }

TARGET=${1:-all}
case $TARGET in
  app-image|deb|rpm|all) ;;
  -h|--help) usage; exit 0 ;;
  *) usage; exit 2 ;;
esac
[ $# -le 1 ] || { usage; exit 2; }

want_app_image=false; want_deb=false; want_rpm=false
case $TARGET in
  app-image) want_app_image=true ;;
  deb) want_deb=true ;;
  rpm) want_rpm=true ;;
  all)
    want_app_image=true; want_deb=true
    if command -v rpmbuild >/dev/null; then want_rpm=true; else step "rpm skipped: no rpmbuild (apt-get install rpm)"; fi ;;
esac

# ---- tools ---------------------------------------------------------------------------------------------------------
JDK=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v jpackage)")")")}
for tool in jlink jpackage java; do
  [ -x "$JDK/bin/$tool" ] || fail "no $tool in $JDK/bin: set JAVA_HOME to a full JDK 17"
done
[ -d "$JDK/jmods" ] || fail "no $JDK/jmods: jlink needs the JDK's jmods (Debian: openjdk-17-jdk)"
if $want_deb; then
  command -v dpkg-deb >/dev/null || fail "building a .deb needs dpkg-deb"
  command -v fakeroot >/dev/null || fail "building a .deb needs fakeroot (apt-get install fakeroot)"
fi
if $want_rpm; then command -v rpmbuild >/dev/null || fail "building an .rpm needs rpmbuild (apt-get install rpm)"; fi

# The archives record the jars' modification times; packages get them clamped to this time (SOURCE_DATE_EPOCH,
# honoured by dpkg-deb and, with the macro set below, by rpmbuild), so they match after installing.
EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 1700000000)}
export SOURCE_DATE_EPOCH=$EPOCH

started=$(date +%s)
mkdir -p "$OUT"
rm -rf "$WORK"
mkdir -p "$LOGS"

# ---- 1. the app and its runtime jars -------------------------------------------------------------------------------
step "mvn package + runtime dependencies"
t=$(date +%s)
mvn -q -B -ntp -f "$ROOT/pom.xml" -DskipTests package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$WORK/deps" >"$LOGS/mvn.log" 2>&1 \
  || { cat "$LOGS/mvn.log" >&2; fail "mvn package failed"; }
VERSION=$(sed -n 's/^version=//p' "$ROOT/target/maven-archiver/pom.properties")
APP_JAR=$ROOT/target/$NAME-$VERSION.jar
[ -f "$APP_JAR" ] || fail "no $APP_JAR after mvn package"
APP_VERSION=${VERSION%%-*}                       # jpackage and dpkg/rpm want 0.1.0, not 0.1.0-SNAPSHOT
DESCRIPTION=$(sed -n 's:.*<description>\(.*\)</description>.*:\1:p' "$ROOT/pom.xml" | sed -n 1p)
echo "    version $VERSION (packaged as $APP_VERSION), $(elapsed "$t")"

mkdir -p "$WORK/input" "$WORK/fxmods"
cp "$APP_JAR" "$WORK/input/"
for jar in "$WORK/deps"/*.jar; do
  case $(basename "$jar") in
    javafx-*-linux.jar) cp "$jar" "$WORK/fxmods/" ;;   # real modules with the natives: linked into the runtime
    javafx-*.jar) ;;                                   # empty classifier-less placeholders
    *) cp "$jar" "$WORK/input/" ;;
  esac
done
ls "$WORK/fxmods"/javafx-graphics-*-linux.jar >/dev/null 2>&1 || fail "no javafx-graphics-*-linux.jar in the dependencies"

# ---- 2. the runtime ------------------------------------------------------------------------------------------------
# Not --strip-native-commands: the sandbox runs functions in a child JVM started from this runtime's bin/java.
step "jlink runtime ($MODULES)"
t=$(date +%s)
"$JDK/bin/jlink" --module-path "$JDK/jmods:$WORK/fxmods" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-man-pages --no-header-files --output "$WORK/runtime" >"$LOGS/jlink.log" 2>&1 \
  || { cat "$LOGS/jlink.log" >&2; fail "jlink failed"; }
echo "    $(du -sh "$WORK/runtime" | cut -f1), $(elapsed "$t")"

# ---- 3. the app-image ----------------------------------------------------------------------------------------------
COMMON=(--name "$NAME" --app-version "$APP_VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
        --copyright "the $VENDOR")
java_option_args=()
for option in "${JAVA_OPTIONS[@]}"; do java_option_args+=(--java-options "$option"); done

build_app_image() { # DEST: writes DEST/$NAME
  rm -rf "${1:?}/$NAME"
  mkdir -p "$1"
  "$JDK/bin/jpackage" --type app-image "${COMMON[@]}" --input "$WORK/input" --main-jar "$(basename "$APP_JAR")" \
    --main-class "$MAIN_CLASS" --runtime-image "$WORK/runtime" "${java_option_args[@]}" \
    --icon "$ROOT/resources/linux/$NAME.png" --dest "$1" --verbose >"$LOGS/jpackage-app-image.log" 2>&1 \
    || { cat "$LOGS/jpackage-app-image.log" >&2; fail "jpackage --type app-image failed"; }
}

step "jpackage app-image"
t=$(date +%s)
build_app_image "$WORK/image"
echo "    $(du -sh "$WORK/image/$NAME" | cut -f1), $(elapsed "$t")"

# ---- 4. AppCDS -----------------------------------------------------------------------------------------------------
# A display for the training run: ours under Xvfb, so the result does not depend on the caller's desktop.
ensure_xvfb() {
  command -v xvfb-run >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing xvfb libgtk-3-0 xauth libxtst6 for the AppCDS training run"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        xvfb libgtk-3-0 xauth libxtst6; } >"$LOGS/apt.log" 2>&1 && command -v xvfb-run >/dev/null && return 0
  fi
  return 1
}

# Runs "$@" with the image at IMAGE visible at INSTALLED (a private mount namespace, so nothing outside this
# command sees it): the launcher then finds itself, and spells its class path, exactly as after installing.
in_layout() { # IMAGE INSTALLED command...
  local image=$1 installed=$2
  shift 2
  if [ "$image" = "$installed" ]; then "$@"; return; fi
  # shellcheck disable=SC2016  # the inner script expands its own arguments
  unshare --map-root-user --mount sh -c \
    'mount -t tmpfs tmpfs "$(dirname "$2")" && mkdir "$2" && mount --bind "$1" "$2" && shift 2 && exec "$@"' \
    sh "$image" "$installed" "$@"
}

# The base archive of the jlinked runtime (jlink makes none) and the app's dynamic archive, trained by opening the
# window once (-Dfcperm.startup.exit=true quits once the window is shown and the sandbox is ready). JDK 17 accepts
# the app archive only where the jars have the same path, size and modification time as when it was written.
# Without a display only the base archive is made, and the launcher loses its -XX:SharedArchiveFile: naming a missing
# archive would turn CDS off altogether, the base archive included.
cds() { # IMAGE INSTALLED
  local image=$1 cfg=$1/lib/app/$NAME.cfg
  rm -f "$image/lib/app/$NAME.jsa"
  "$image/lib/runtime/bin/java" -Xshare:dump >"$LOGS/xshare-dump.log" 2>&1 \
    || { cat "$LOGS/xshare-dump.log" >&2; fail "-Xshare:dump failed"; }
  if $HAVE_DISPLAY_FOR_CDS; then
    train_app_archive "$@"
  else
    cp "$cfg" "$WORK/launcher.cfg"
    grep -v -e '-XX:SharedArchiveFile=' "$WORK/launcher.cfg" >"$cfg"
    echo "    base CDS archive only (no display to train the app archive)"
  fi
}

train_app_archive() { # IMAGE INSTALLED
  local image=$1 installed=$2 cfg=$1/lib/app/$NAME.cfg home
  # During training the launcher's own -XX:SharedArchiveFile would be taken as the base of the new archive
  cp "$cfg" "$WORK/launcher.cfg"
  grep -v -e '-XX:SharedArchiveFile=' "$WORK/launcher.cfg" >"$cfg"
  home=$(mktemp -d)
  local status=0
  HOME=$home JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$installed/lib/app/$NAME.jsa -Dfcperm.home=$home/fcperm -Dfcperm.startup.report=true -Dfcperm.startup.exit=true" \
    timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" \
    bash -c "$(declare -f in_layout); in_layout \"\$@\"" sh "$image" "$installed" "$installed/bin/$NAME" \
    >"$LOGS/cds-training.log" 2>&1 || status=$?
  cp "$WORK/launcher.cfg" "$cfg"
  rm -rf "$home"
  if [ $status != 0 ] || ! grep -q '^STARTUP first-window' "$LOGS/cds-training.log" || [ ! -s "$image/lib/app/$NAME.jsa" ]; then
    cat "$LOGS/cds-training.log" >&2
    fail "the AppCDS training run failed (status $status)"
  fi
  # -Xshare:on makes an unusable archive fatal instead of silently ignored
  in_layout "$image" "$installed" env JAVA_TOOL_OPTIONS=-Xshare:on "$installed/bin/$NAME" --help >"$LOGS/cds-check.log" 2>&1 \
    || { cat "$LOGS/cds-check.log" >&2; fail "the new AppCDS archive is not accepted in $installed"; }
  echo "    $(du -h "$image/lib/app/$NAME.jsa" | cut -f1) archive, accepted when run from $installed"
}

HAVE_DISPLAY_FOR_CDS=true
if ! ensure_xvfb; then
  HAVE_DISPLAY_FOR_CDS=false
  step "WARNING: no xvfb-run and cannot install it: packages are built WITHOUT the app's AppCDS archive (slower start)"
fi

if $want_app_image; then
  step "app-image: $OUT/app-image/$NAME"
  t=$(date +%s)
  rm -rf "$OUT/app-image"
  mkdir -p "$OUT/app-image"
  cp -a "$WORK/image/$NAME" "$OUT/app-image/"
  cds "$OUT/app-image/$NAME" "$OUT/app-image/$NAME"
  echo "    $(du -sh "$OUT/app-image/$NAME" | cut -f1), $(elapsed "$t")"
fi

# ---- 5. packages ---------------------------------------------------------------------------------------------------
if $want_deb || $want_rpm; then
  step "package image for $INSTALL_DIR (AppCDS trained there)"
  t=$(date +%s)
  PKG_IMAGE=$WORK/package-image/$NAME
  mkdir -p "$WORK/package-image"
  cp -a "$WORK/image/$NAME" "$PKG_IMAGE"
  # lib/ is where jpackage keeps the desktop files; it drops folders of the image it does not know (share/)
  sed -e "s/@VERSION@/$APP_VERSION/" -e "s/@DATE@/$(date -u -d "@$EPOCH" +%F)/" \
    "$ROOT/resources/linux/$METAINFO_ID.metainfo.xml" >"$PKG_IMAGE/lib/$METAINFO_ID.metainfo.xml"
  find "$PKG_IMAGE" -exec touch -h -d "@$EPOCH" {} +
  if $HAVE_DISPLAY_FOR_CDS; then
    command -v unshare >/dev/null || fail "training the archive for $INSTALL_DIR needs unshare (util-linux)"
  fi
  cds "$PKG_IMAGE" "$INSTALL_DIR"
  find "$PKG_IMAGE" -newermt "@$EPOCH" -exec touch -h -d "@$EPOCH" {} +
  echo "    $(elapsed "$t")"

  PACKAGE_COMMON=("${COMMON[@]}" --app-image "$PKG_IMAGE" --resource-dir "$ROOT/resources/linux"
                  --linux-package-name "$NAME"
                  --linux-shortcut --linux-menu-group "$MENU_GROUP" --dest "$OUT")
  if $want_deb; then
    step "jpackage deb"
    t=$(date +%s)
    rm -f "$OUT/${NAME}_"*.deb
    maintainer=()
    [ -z "${FCPERM_DEB_MAINTAINER:-}" ] || maintainer=(--linux-deb-maintainer "$FCPERM_DEB_MAINTAINER")
    "$JDK/bin/jpackage" --type deb "${PACKAGE_COMMON[@]}" --linux-package-deps "$DEB_DEPS" \
      --linux-app-category devel "${maintainer[@]}" \
      --verbose >"$LOGS/jpackage-deb.log" 2>&1 || { cat "$LOGS/jpackage-deb.log" >&2; fail "jpackage --type deb failed"; }
    DEB=$(ls "$OUT/${NAME}_"*.deb)
    echo "    $DEB: $(du -h "$DEB" | cut -f1), $(elapsed "$t")"
  fi
  if $want_rpm; then
    step "jpackage rpm"
    t=$(date +%s)
    rm -f "$OUT/$NAME-"*.rpm
    rpm_home=$(mktemp -d)
    # rpmbuild copies the files anew; this clamps their times to SOURCE_DATE_EPOCH as the archive expects
    printf '%%clamp_mtime_to_source_date_epoch 1\n%%use_source_date_epoch_as_buildtime 1\n' >"$rpm_home/.rpmmacros"
    HOME=$rpm_home "$JDK/bin/jpackage" --type rpm "${PACKAGE_COMMON[@]}" --linux-package-deps "$RPM_DEPS" \
      --linux-app-category "Development/Tools" \
      --verbose >"$LOGS/jpackage-rpm.log" 2>&1 || { cat "$LOGS/jpackage-rpm.log" >&2; fail "jpackage --type rpm failed"; }
    rm -rf "$rpm_home"
    RPM=$(ls "$OUT/$NAME-"*.rpm)
    echo "    $RPM: $(du -h "$RPM" | cut -f1), $(elapsed "$t")"
  fi
fi

step "done in $(elapsed "$started")"
