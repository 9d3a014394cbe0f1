#!/bin/sh
# Install the .deb on this machine, run the installed crdesk's self-test, upgrade it in place
# with a rebuilt package of a higher version, and remove it; a clinic's data folder made
# before the install must come through byte for byte. Root only (it runs dpkg). Used by .ci/run.
#
#   sh installer/linux/test-deb.sh [dist/crdesk_<version>_<arch>.deb]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ "$(id -u)" = 0 ] || { echo "test-deb: run as root (it installs and removes a package)" >&2; exit 1; }
if dpkg-query -W -f='${Status}' crdesk 2>/dev/null | grep -q "ok installed"; then
  echo "test-deb: crdesk is already installed here; remove it first (dpkg -r crdesk)" >&2
  exit 1
fi
DEB=${1:-$(ls "$ROOT"/dist/crdesk_*.deb | head -n1)}
VERSION=$(dpkg-deb -f "$DEB" Version)
tmp=$(mktemp -d)
cleanup() { dpkg -r crdesk >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

step() { echo "== $*"; }
fingerprint() {  # every file of a clinic folder with its content hash, mode and mtime
  (cd "$1" && find . -type f -exec sha256sum {} + | sort -k2 &&
   find . -exec stat -c '%n %a %Y' {} + | sort)
}

step "install $DEB with dpkg -i"
# The control area: control, md5sums and the one-line postrm, nothing else.
[ "$(dpkg-deb --ctrl-tarfile "$DEB" | tar -t | sort | tr '\n' ' ')" = "./ ./control ./md5sums ./postrm " ] ||
  { echo "test-deb: unexpected maintainer scripts in $DEB" >&2; exit 1; }
[ "$(dpkg-deb --info "$DEB" postrm | grep -v -e '^#' -e '^$' | sed 's/^ *//' | tr '\n' ' ')" = \
  'set -e case "$1" in remove|purge) [ -d /opt ] || mkdir -m 0755 /opt ;; esac exit 0 ' ] ||
  { echo "test-deb: postrm does more than put back /opt" >&2; exit 1; }
# Where the libraries it declares are missing, apt-get fills them in (as dpkg -i then apt).
if ! dpkg -i "$DEB"; then apt-get install -y -f -qq >/dev/null; fi
[ "$(command -v crdesk)" = /usr/bin/crdesk ]
test -x /opt/crdesk/crdesk
test -f /usr/share/applications/crdesk.desktop
test -f /usr/share/icons/hicolor/256x256/apps/crdesk.png
test -f /usr/share/icons/hicolor/scalable/apps/crdesk.svg
[ "$(dpkg-query -W -f='${Version}' crdesk)" = "$VERSION" ]
crdesk --version

step "self-test of the installed crdesk"
sh "$ROOT/installer/linux/check-selftest.sh" /usr/bin/crdesk

step "a clinic in the user's data folder (the default place, under a test HOME)"
export HOME="$tmp/home"
mkdir -p "$HOME"
printf 'ci-demo-password-long\n' | crdesk demo --patients 3 --password-stdin >/dev/null
CLINIC="$HOME/.local/share/crdesk"
test -f "$CLINIC/clinic.db"
fingerprint "$CLINIC" >"$tmp/before"

step "upgrade in place: the same bundle as version $VERSION+upgradetest1"
CRDESK_DEB_VERSION="$VERSION+upgradetest1" CRDESK_DEB_COMPRESS=gzip CRDESK_DEB_LEVEL=1 \
  sh "$ROOT/installer/linux/build-deb.sh" /opt/crdesk "$tmp/deb" >/dev/null
dpkg -i "$tmp"/deb/crdesk_*.deb
[ "$(dpkg-query -W -f='${Version}' crdesk)" = "$VERSION+upgradetest1" ]
sh "$ROOT/installer/linux/check-selftest.sh" /usr/bin/crdesk >/dev/null
fingerprint "$CLINIC" >"$tmp/after-upgrade"
cmp "$tmp/before" "$tmp/after-upgrade"
printf 'ci-demo-password-long\n' | crdesk check --user admin --password-stdin | tail -n1
fingerprint "$CLINIC" >"$tmp/before"  # `check` may write its log and audit rows

step "remove with dpkg -r"
dpkg -r crdesk
test ! -e /usr/bin/crdesk
test ! -e /opt/crdesk
test -d /opt  # base-files' /opt stays, even where crdesk was all it held
test ! -e /usr/share/applications/crdesk.desktop
test ! -e /usr/share/icons/hicolor/256x256/apps/crdesk.png
fingerprint "$CLINIC" >"$tmp/after-remove"
cmp "$tmp/before" "$tmp/after-remove"
echo "test-deb: install, self-test, upgrade in place and removal passed; the clinic folder was untouched"
