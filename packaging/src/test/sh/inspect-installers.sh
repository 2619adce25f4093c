#!/usr/bin/env bash
# The installers' test (mvn -Pinstallers verify): each .deb's control data and files (dpkg-deb --info/--contents),
# the systemd unit checked by systemd-analyze verify, and each package's own runtime actually run: the server
# answers /api/health and backs itself up, the console starts its in-process server under Xvfb, the kiosk prints
# its usage. Any failed check stops the build.
# Usage: inspect-installers.sh OUT_DIR VERSION
set -euo pipefail

out=$1
version=$2
deb_version=${version/-SNAPSHOT/\~snapshot}
work=$(mktemp -d "${TMPDIR:-/tmp}/concierge-inspect.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "inspect-installers: FAILED: $*" >&2
    exit 1
}

# expect_field DEB FIELD VALUE-PATTERN
expect_field() {
    local value
    value=$(dpkg-deb --field "$1" "$2")
    [[ $value =~ $3 ]] || fail "$(basename "$1"): $2 is '$value', expected /$3/"
}

# expect_files DEB PATH...: each path is in the package
expect_files() {
    local deb=$1 listing
    shift
    listing=$(dpkg-deb --contents "$deb" | awk '{print $6}')
    for path in "$@"; do
        grep -qx "./$path" <<<"$listing" || fail "$(basename "$deb") has no $path"
    done
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# await_health PORT SECONDS: the health answer once it is "ok"
await_health() {
    local port=$1 seconds=$2 answer
    for _ in $(seq "$seconds"); do
        if answer=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null) && [[ $answer == *'"status":"ok"'* ]]; then
            echo "$answer"
            return 0
        fi
        sleep 1
    done
    return 1
}

for name in concierge-server concierge-console concierge-kiosk; do
    deb=$out/${name}_${deb_version}_amd64.deb
    [ -f "$deb" ] || fail "$deb was not built"
    dpkg-deb --info "$deb" >/dev/null
    expect_field "$deb" Package "^$name\$"
    expect_field "$deb" Version "^${deb_version//\~/\\~}\$"
    expect_field "$deb" Architecture '^amd64$'
    expect_files "$deb" "opt/$name/bin/$name" "opt/$name/lib/app/$name.jar" "opt/$name/lib/runtime/release" \
        "usr/share/doc/$name/README.md"
    mkdir -p "$work/$name"
    dpkg-deb -x "$deb" "$work/$name"
    # the jar carries no native libraries for other systems than the package's
    # (no grep -q after a pipe here: it stops reading, the writer dies of SIGPIPE, and pipefail hides the match)
    if unzip -l "$work/$name/opt/$name/lib/app/$name.jar" | grep 'linux-aarch64/' >/dev/null; then
        fail "$name.jar still holds linux-aarch64 libraries"
    fi
    echo "inspect-installers: $(basename "$deb"): $(du -h "$deb" | cut -f1) packed, $(du -sh "$work/$name" | cut -f1) installed"
done

# --- the server package: its service, its settings file, its own user, its commands
server_deb=$out/concierge-server_${deb_version}_amd64.deb
expect_field "$server_deb" Depends 'adduser'
expect_files "$server_deb" lib/systemd/system/concierge.service etc/concierge/concierge.env usr/bin/concierge-server
dpkg-deb --contents "$server_deb" | grep '^-rw-r-----.* ./etc/concierge/concierge.env$' >/dev/null \
    || fail "concierge.env must not be readable by everyone (it may hold API keys)"
[ "$(dpkg-deb --ctrl-tarfile "$server_deb" | tar -xO ./conffiles)" = "/etc/concierge/concierge.env" ] \
    || fail "concierge.env is not a conffile (an upgrade would overwrite the venue's settings)"
control=$work/server-control
dpkg-deb -e "$server_deb" "$control"
for script in postinst prerm postrm; do
    [ -x "$control/$script" ] || fail "no executable $script"
    sh -n "$control/$script" || fail "$script is not valid sh"
done
grep -q 'adduser --system' "$control/postinst" || fail "postinst makes no system user"
unit=$work/concierge-server/lib/systemd/system/concierge.service
for line in 'User=concierge' 'Environment=CONCIERGE_DATA=/var/lib/concierge' 'Restart=on-failure' \
    'ExecStart=/opt/concierge-server/bin/concierge-server' 'StateDirectory=concierge'; do
    grep -qx "$line" "$unit" || fail "concierge.service lacks '$line'"
done
if command -v systemd-analyze >/dev/null; then
    # systemd checks ExecStart's program exists: point the copy at the unpacked one. Its parse warnings
    # (an unknown key, a bad value) do not change the exit code, so any output fails too.
    sed "s|/opt/concierge-server|$work/concierge-server/opt/concierge-server|" "$unit" > "$work/concierge.service"
    verified=$(systemd-analyze verify "$work/concierge.service" 2>&1) || fail "systemd-analyze verify: $verified"
    [ -z "$verified" ] || fail "systemd-analyze verify: $verified"
    echo "inspect-installers: concierge.service passes systemd-analyze verify"
else
    echo "inspect-installers: systemd-analyze is not installed here: the unit's verify was skipped"
fi
grep -q 'jdk.crypto.ec' "$work/concierge-server/opt/concierge-server/lib/runtime/release" \
    || fail "the server's runtime cannot speak TLS with elliptic curves (Stripe, Google)"

server=$work/concierge-server/opt/concierge-server/bin/concierge-server
[ "$("$server" --version)" = "Concierge $version" ] || fail "the server's --version says '$("$server" --version)'"
port=$(free_port)
"$server" --demo --port "$port" --data "$work/server-data" > "$work/server.log" 2>&1 &
pids+=($!)
await_health "$port" 120 >/dev/null || fail "the packaged server did not become healthy: $(tail -20 "$work/server.log")"
"$server" backup --data "$work/server-data" --to "$work/backup.zip" | grep 'from the running server' >/dev/null \
    || fail "the packaged server's backup command did not back up the running server"
unzip -l "$work/backup.zip" | grep 'concierge.mv.db' >/dev/null || fail "the backup holds no database"
kill "${pids[-1]}"
echo "inspect-installers: the packaged server answered /api/health and backed itself up"

# --- the console: its menu entry and icon, its settings; it starts the server inside itself
console_deb=$out/concierge-console_${deb_version}_amd64.deb
expect_field "$console_deb" Depends 'libgtk-3-0'
expect_files "$console_deb" usr/share/applications/concierge-console.desktop \
    usr/share/icons/hicolor/256x256/apps/concierge-console.png etc/default/concierge-console \
    opt/concierge-console/concierge-console-desktop
grep -qx 'Exec=/opt/concierge-console/concierge-console-desktop' \
    "$work/concierge-console/usr/share/applications/concierge-console.desktop" || fail "the console's menu entry"
sh -n "$work/concierge-console/opt/concierge-console/concierge-console-desktop"
if command -v xvfb-run >/dev/null; then
    port=$(free_port)
    xvfb-run -a "$work/concierge-console/opt/concierge-console/bin/concierge-console" --demo --port "$port" \
        --data "$work/console-data" > "$work/console.log" 2>&1 &
    pids+=($!)
    await_health "$port" 180 >/dev/null || fail "the packaged console's server did not start: $(tail -20 "$work/console.log")"
    kill "${pids[-1]}"
    echo "inspect-installers: the packaged console started its server in-process under Xvfb"
fi

# --- the kiosk: its menu entry, icon and session autostart entry
kiosk_deb=$out/concierge-kiosk_${deb_version}_amd64.deb
expect_field "$kiosk_deb" Depends 'libgtk-3-0'
expect_field "$kiosk_deb" Recommends 'espeak-ng'
expect_files "$kiosk_deb" usr/share/applications/concierge-kiosk.desktop \
    usr/share/icons/hicolor/256x256/apps/concierge-kiosk.png etc/xdg/autostart/concierge-kiosk.desktop \
    etc/default/concierge-kiosk opt/concierge-kiosk/concierge-kiosk-start
grep -qx 'Exec=/opt/concierge-kiosk/concierge-kiosk-start' \
    "$work/concierge-kiosk/etc/xdg/autostart/concierge-kiosk.desktop" || fail "the kiosk's autostart entry"
sh -n "$work/concierge-kiosk/opt/concierge-kiosk/concierge-kiosk-start"
"$work/concierge-kiosk/opt/concierge-kiosk/bin/concierge-kiosk" --help 2>&1 | grep -- '--server' >/dev/null \
    || fail "the packaged kiosk does not start: $("$work/concierge-kiosk/opt/concierge-kiosk/bin/concierge-kiosk" --help 2>&1 | tail -5)"
if command -v desktop-file-validate >/dev/null; then
    for entry in "$work"/concierge-*/usr/share/applications/*.desktop "$work"/concierge-kiosk/etc/xdg/autostart/*.desktop; do
        desktop-file-validate "$entry" || fail "$entry is not a valid desktop entry"
    done
fi
echo "inspect-installers: all three packages passed"
