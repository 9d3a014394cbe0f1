#!/bin/sh
# Build dist/crdesk_<version>_<arch>.deb from the one-folder bundle (run `make package`).
#
#   /opt/crdesk/                      the bundle (dist/crdesk)
#   /usr/bin/crdesk                   a two-line wrapper that runs /opt/crdesk/crdesk
#   /usr/share/applications/crdesk.desktop, /usr/share/icons/hicolor/*/apps/crdesk.{png,svg}
#
# The version is crdesk.__version__ (CRDESK_DEB_VERSION overrides it, for upgrade tests).
# Depends: the Debian packages of every system library the bundle's ELF files resolve to.
# dpkg itself upgrades in place and removes exactly the files it installed. The one maintainer
# script, postrm, puts back an empty /opt that removal took away (base-files makes /opt but
# does not register it, so dpkg counts it as ours). A clinic's data lives in each user's data
# folder (~/.local/share/crdesk or --basedir), which no part of this package creates, changes
# or removes.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUNDLE=${1:-$ROOT/dist/crdesk}
OUT_DIR=${2:-$ROOT/dist}
[ -x "$BUNDLE/crdesk" ] || { echo "build-deb: no bundle at $BUNDLE (run make bundle)" >&2; exit 1; }
BUNDLE=$(cd "$BUNDLE" && pwd -P)
command -v dpkg-deb >/dev/null || { echo "build-deb: dpkg-deb is needed (Debian/Ubuntu)" >&2; exit 1; }

VERSION=${CRDESK_DEB_VERSION:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/crdesk/__init__.py")}
[ -n "$VERSION" ] || { echo "build-deb: no __version__ in crdesk/__init__.py" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
STAGE="$ROOT/build/deb/crdesk_${VERSION}_${ARCH}"

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/crdesk"
cp -a "$BUNDLE" "$STAGE/opt/crdesk"
chmod -R u=rwX,go=rX "$STAGE/opt/crdesk"

cat > "$STAGE/usr/bin/crdesk" <<'EOF'
#!/bin/sh
exec /opt/crdesk/crdesk "$@"
EOF
chmod 0755 "$STAGE/usr/bin/crdesk"

install -m 0644 "$ROOT/resources/linux/crdesk.desktop" "$STAGE/usr/share/applications/crdesk.desktop"
install -m 0644 "$ROOT/resources/icons/crdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/crdesk.svg"
for png in "$ROOT"/resources/icons/crdesk-*.png; do
  size=$(basename "$png" .png); size=${size#crdesk-}
  mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  install -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/crdesk.png"
done
cat > "$STAGE/usr/share/doc/crdesk/copyright" <<'EOF'
crdesk: offline app for UK cardiac rehabilitation clinics. Proprietary.
Bundled third-party components (Qt/PySide6 LGPLv3, Python PSF, SQLCipher BSD, ICU Unicode
licence, cryptography Apache-2.0/BSD, reportlab BSD, Atkinson Hyperlegible SIL OFL 1.1, ...)
keep their own licences; their notices ship under /opt/crdesk/_internal.
EOF
chmod 0644 "$STAGE/usr/share/doc/crdesk/copyright"

# Depends: which installed package provides each system library the bundle loads.
# (Usr-merged systems register a file under /lib or /usr/lib: ask for both.)
libs=$(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c \
         'for f; do head -c4 "$f" | grep -q ELF && echo "$f"; done' sh {} + |
       while read -r f; do LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$f" 2>/dev/null; done |
       awk '$2 == "=>" && $3 ~ /^\// {print $3} /^\t\/lib.*ld-linux/ {print $1}' | sort -u |
       xargs -r readlink -f | sort -u | grep -v "^$BUNDLE/" || true)
missing=$(find "$BUNDLE" -type f -name '*.so*' -exec sh -c \
            'for f; do LD_LIBRARY_PATH="'"$BUNDLE"'/_internal" ldd "$f" 2>/dev/null; done' sh {} + |
          awk '/not found/ && $1 !~ /^lib(Qt6|wayland|gtk|gdk|clntsh|fbclient|odbc|mysqlclient|mimerapi)/ {print $1}' | sort -u)
[ -z "$missing" ] || echo "build-deb: note: libraries not found on this machine: $missing" >&2
# One dpkg-query for all of them (each call reads dpkg's whole file database).
cands=""
for lib in $libs; do
  real=$(readlink -f "$lib")
  for c in "$lib" "$real"; do cands="$cands $c /usr${c#/usr} ${c#/usr}"; done
done
# shellcheck disable=SC2086  # one word per path
owners=$(dpkg-query -S $cands 2>/dev/null || true)
for lib in $libs; do
  real=$(readlink -f "$lib")
  found=""
  for c in "$lib" "$real" "/usr${lib#/usr}" "${lib#/usr}" "/usr${real#/usr}" "${real#/usr}"; do
    printf '%s\n' "$owners" | grep -q ": $c\$" && found=1
  done
  [ -n "$found" ] || echo "build-deb: no package owns $lib; it is not declared" >&2
done
pkgs=$(printf '%s\n' "$owners" | cut -d: -f1 | tr -d ' ' | sort -u | tr '\n' ' ')
depends=$(echo $pkgs | tr ' ' '\n' | sort -u | paste -sd, - | sed 's/,/, /g')

size=$(du -sk "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: crdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: crdesk developers <crdesk@localhost>
Installed-Size: $size
Depends: $depends
Section: science
Priority: optional
Description: offline desktop app for UK cardiac rehabilitation clinics
 Patients fill in the National Audit of Cardiac Rehabilitation (NACR) questionnaires on a
 clinic laptop, staff record referrals and clinical measures and review each patient's
 progress, and the admin exports signed, encrypted batches for the national audit.
 Everything is stored in an encrypted SQLCipher database in the user's data folder, which
 installing, upgrading or removing this package never touches.
EOF
cat > "$STAGE/DEBIAN/postrm" <<'EOF'
#!/bin/sh
# Only this: dpkg removes an empty /opt with the package (base-files made it; nobody owns it).
set -e
case "$1" in
  remove|purge) [ -d /opt ] || mkdir -m 0755 /opt ;;
esac
exit 0
EOF
chmod 0755 "$STAGE/DEBIAN/postrm"
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort |
   xargs md5sum > DEBIAN/md5sums)

mkdir -p "$OUT_DIR"
deb="$OUT_DIR/crdesk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"${CRDESK_DEB_COMPRESS:-xz}" ${CRDESK_DEB_LEVEL:+-z"$CRDESK_DEB_LEVEL"} --build "$STAGE" "$deb" >/dev/null
echo "Built $deb ($(du -m "$deb" | cut -f1) MB; installs $((size / 1024)) MB)"
echo "Depends: $depends"
