#!/usr/bin/env bash
# Builds the appliance's installers from the three runnable jars (mvn -Pinstallers package runs this):
#   concierge-server   headless server: jpackage image with its own trimmed Java runtime, systemd unit, own user
#   concierge-console  the staff console with the server inside, desktop entry and icon
#   concierge-kiosk    the lobby kiosk, desktop entry, icon and session autostart entry
# Each .deb is assembled with dpkg-deb from a jpackage app-image, so the target needs no Java installed.
# Usage: build-installers.sh ROOT_DIR OUT_DIR VERSION
set -euo pipefail

root=$1
out=$2
version=$3
here=$(cd "$(dirname "$0")/.." && pwd)              # packaging/src/main
app_version=${version%%-*}                          # jpackage wants numbers only
deb_version=${version/-SNAPSHOT/\~snapshot}         # 0.1.0~snapshot sorts before the release 0.1.0
work=$out/work
jlink_options="--strip-debug --no-man-pages --no-header-files --compress=2 --include-locales=en,es"

# The runtime modules: what `jdeps --print-module-deps --ignore-missing-deps --multi-release 17` finds in each jar
# (re-run it when a dependency changes; it takes a minute on the server jar), plus what is only loaded as a service:
# TLS with elliptic curves (Stripe, Google, OpenAI), Spanish dates and numbers, more charsets, zip file systems.
service_modules=jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs
server_modules=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml.crypto,jdk.httpserver,jdk.management,jdk.net,jdk.unsupported,jdk.jfr,$service_modules
kiosk_modules=java.base,java.desktop,java.net.http,java.sql,jdk.jfr,jdk.unsupported,$service_modules

rm -rf "$work"
mkdir -p "$work" "$out"
rm -f "$out"/*.deb

# image NAME JAR MODULES DESCRIPTION: a jpackage app-image in $work/images/NAME
image() {
    local name=$1 jar=$2 modules=$3 description=$4
    mkdir -p "$work/input-$name"
    cp "$jar" "$work/input-$name/"
    # the package is for amd64 Linux: the jar's native libraries for other systems only weigh it down
    zip -q -d "$work/input-$name/$(basename "$jar")" 'native/lib/linux-aarch64/*' 'native/lib/osx-*' \
        'native/lib/win-*' 'ai/onnxruntime/native/linux-aarch64/*' 'ai/onnxruntime/native/osx-*' \
        'ai/onnxruntime/native/win-*' 'com/sun/jna/aix-*' 'com/sun/jna/darwin-*' 'com/sun/jna/win32-*' \
        'com/sun/jna/sunos-*' 'com/sun/jna/freebsd-*' 'com/sun/jna/openbsd-*' 'com/sun/jna/dragonflybsd-*' \
        'com/sun/jna/linux-x86/*' 'com/sun/jna/linux-arm*' 'com/sun/jna/linux-aarch64/*' 'com/sun/jna/linux-ppc*' \
        'com/sun/jna/linux-mips64el/*' 'com/sun/jna/linux-loongarch64/*' 'com/sun/jna/linux-s390x/*' \
        'com/sun/jna/linux-riscv64/*' >/dev/null 2>&1 || true
    jpackage --type app-image --name "$name" --app-version "$app_version" --vendor "Concierge" \
        --description "$description" --input "$work/input-$name" --main-jar "$(basename "$jar")" \
        --add-modules "$modules" --jlink-options "$jlink_options" --dest "$work/images"
}

# stage NAME: $work/deb-NAME with the app-image under /opt/NAME and the README; the caller adds its own files
stage() {
    local name=$1
    staging=$work/deb-$name
    mkdir -p "$staging/opt" "$staging/DEBIAN" "$staging/usr/share/doc/$name"
    cp -a "$work/images/$name" "$staging/opt/"
    cp "$root/README.md" "$staging/usr/share/doc/$name/README.md"
}

# deb NAME DEPENDS DESCRIPTION [RECOMMENDS]: packs $work/deb-NAME into OUT/NAME_VERSION_amd64.deb (files under /etc are conffiles)
deb() {
    local name=$1 depends=$2 description=$3 recommends=${4:-}
    local staging=$work/deb-$name size
    size=$(du -sk --exclude=DEBIAN "$staging" | cut -f1)
    cat > "$staging/DEBIAN/control" <<CONTROL
Package: $name
Version: $deb_version
Architecture: amd64
Maintainer: Concierge <support@concierge.example>
Installed-Size: $size
Depends: $depends${recommends:+
Recommends: $recommends}
Section: misc
Priority: optional
Description: $description
CONTROL
    if [ -d "$staging/etc" ]; then
        (cd "$staging" && find etc -type f | sed 's|^|/|' | sort) > "$staging/DEBIAN/conffiles"
    fi
    # gzip: the payload is mostly jar files, already compressed; xz took minutes for a few per cent
    dpkg-deb --root-owner-group -Zgzip --build "$staging" "$out/${name}_${deb_version}_amd64.deb" >/dev/null
}

# desktop NAME: the menu entry and the icon of a window app
desktop() {
    local name=$1
    install -D -m 0644 "$here/deb/${name#concierge-}/$name.desktop" "$staging/usr/share/applications/$name.desktop"
    install -D -m 0644 "$here/icons/$name.png" "$staging/usr/share/icons/hicolor/256x256/apps/$name.png"
}

# JavaFX draws with GTK 3 (glass), which jpackage's own dependency list leaves out
gui_depends="libc6, zlib1g, libgtk-3-0, libasound2, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libfreetype6, libfontconfig1"

# --- the headless server
image concierge-server "$root/server/target/concierge-server.jar" "$server_modules" "Concierge server"
stage concierge-server
install -D -m 0644 "$here/systemd/concierge.service" "$staging/lib/systemd/system/concierge.service"
install -D -m 0640 "$here/deb/server/concierge.env" "$staging/etc/concierge/concierge.env"
install -d "$staging/usr/bin"
ln -s /opt/concierge-server/bin/concierge-server "$staging/usr/bin/concierge-server"
install -m 0755 "$here/deb/server/postinst" "$here/deb/server/prerm" "$here/deb/server/postrm" "$staging/DEBIAN/"
deb concierge-server "libc6, zlib1g, adduser" "Concierge front-desk and guest-chat server (headless)
 The HTTP API, the website chat widget and the embedded database of one venue, run by systemd
 as concierge.service under its own user, with its data, nightly backups and secret key in
 /var/lib/concierge. Bundles its own Java runtime."

# --- the staff console, with the server inside
image concierge-console "$root/console-app/target/concierge-console.jar" "$server_modules" "Concierge staff console"
stage concierge-console
desktop concierge-console
install -m 0755 "$here/deb/console/concierge-console-desktop" "$staging/opt/concierge-console/"
install -D -m 0644 "$here/deb/console/default" "$staging/etc/default/concierge-console"
deb concierge-console "$gui_depends" "Concierge staff console for the front desk
 Bookings, orders, guests (CRM export to Excel), the live chat inbox, knowledge, reports and
 settings. Connects to the concierge-server service on this PC when it is installed, else runs
 the server inside itself. Bundles its own Java runtime."

# --- the lobby kiosk
image concierge-kiosk "$root/kiosk/target/concierge-kiosk.jar" "$kiosk_modules" "Concierge lobby kiosk"
stage concierge-kiosk
desktop concierge-kiosk
install -m 0755 "$here/deb/kiosk/concierge-kiosk-start" "$staging/opt/concierge-kiosk/"
install -D -m 0644 "$here/deb/kiosk/default" "$staging/etc/default/concierge-kiosk"
install -D -m 0644 "$here/deb/kiosk/concierge-kiosk-autostart.desktop" "$staging/etc/xdg/autostart/concierge-kiosk.desktop"
deb concierge-kiosk "$gui_depends" "Concierge lobby kiosk
 The guests' full-screen chat with the venue's assistant: bookings, orders and payment at the
 card reader, in English and Spanish, read aloud on request (espeak-ng). Starts with the
 session of its user. Bundles its own Java runtime." "espeak-ng"

ls -l "$out"/*.deb
du -sh "$work"/images/* | sed 's|'"$work"'/images/|app-image |'
