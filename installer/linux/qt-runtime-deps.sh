#!/bin/sh
# The system libraries Qt needs to open a window (the xcb platform plugin, its GL integrations,
# printing), checked by resolving `ldd` on the very files crdesk loads, not by a sample list.
#
#   sh installer/linux/qt-runtime-deps.sh [QT_DIR]
#
# QT_DIR holds Qt's lib/ and plugins/ (default: PySide6/Qt of $PYTHON, or of .venv/bin/python;
# for the bundle: dist/crdesk/_internal/PySide6/Qt). Exit 0 when nothing is missing. As root with
# apt-get, missing libraries are installed (one apt-get transaction), then checked again.
# Otherwise the exact install command is printed and the exit status is 1: nothing is installed.
set -u

QT_DIR=${1:-}
if [ -z "$QT_DIR" ]; then
  py=${PYTHON:-.venv/bin/python}
  QT_DIR=$("$py" -c 'import importlib.util as u, os; s = u.find_spec("PySide6"); print(os.path.join(s.submodule_search_locations[0], "Qt"))' 2>/dev/null) || {
    echo "qt-runtime-deps: PySide6 is not installed for $py" >&2; exit 2; }
fi
if [ ! -d "$QT_DIR/plugins/platforms" ]; then
  echo "qt-runtime-deps: no Qt plugins in $QT_DIR" >&2
  exit 2
fi

# What crdesk loads: the X11 (xcb) and offscreen platforms, the xcb GL integrations, print
# support, and the Qt libraries behind them. Qt's own libraries resolve inside QT_DIR.
files() {
  for f in "$QT_DIR"/plugins/platforms/libqxcb.so "$QT_DIR"/plugins/platforms/libqoffscreen.so \
           "$QT_DIR"/plugins/xcbglintegrations/*.so "$QT_DIR"/plugins/printsupport/*.so \
           "$QT_DIR"/lib/libQt6XcbQpa.so* "$QT_DIR"/lib/libQt6Gui.so* \
           "$QT_DIR"/lib/libQt6Widgets.so* "$QT_DIR"/lib/libQt6PrintSupport.so*; do
    [ -f "$f" ] && echo "$f"
  done
}

# Sonames "not found" by the dynamic linker (Qt's own libraries excluded: they ship with Qt).
missing_sonames() {
  for f in $(files); do
    # A PyInstaller bundle keeps the other libraries two levels up (_internal/).
    LD_LIBRARY_PATH="$QT_DIR/lib:$QT_DIR/../..${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ldd "$f" 2>/dev/null
  done | awk '/=> not found/ && $1 !~ /^libQt6/ {print $1}' | sort -u
}

# soname -> Debian package (bookworm; checked with `dpkg -S` on the installed files and
# `apt-cache show` for the others).
package_of() {
  case "$1" in
    libxcb-icccm.so.4) echo libxcb-icccm4 ;;
    libxcb-keysyms.so.1) echo libxcb-keysyms1 ;;
    libxcb-cursor.so.0) echo libxcb-cursor0 ;;
    libxcb-image.so.0) echo libxcb-image0 ;;
    libxcb-randr.so.0) echo libxcb-randr0 ;;
    libxcb-render-util.so.0) echo libxcb-render-util0 ;;
    libxcb-render.so.0) echo libxcb-render0 ;;
    libxcb-shape.so.0) echo libxcb-shape0 ;;
    libxcb-shm.so.0) echo libxcb-shm0 ;;
    libxcb-sync.so.1) echo libxcb-sync1 ;;
    libxcb-util.so.1) echo libxcb-util1 ;;
    libxcb-xfixes.so.0) echo libxcb-xfixes0 ;;
    libxcb-xkb.so.1) echo libxcb-xkb1 ;;
    libxcb-xinerama.so.0) echo libxcb-xinerama0 ;;
    libxcb-xinput.so.0) echo libxcb-xinput0 ;;
    libxcb-glx.so.0) echo libxcb-glx0 ;;
    libxcb.so.1) echo libxcb1 ;;
    libX11.so.6) echo libx11-6 ;;
    libX11-xcb.so.1) echo libx11-xcb1 ;;
    libXau.so.6) echo libxau6 ;;
    libXdmcp.so.6) echo libxdmcp6 ;;
    libXext.so.6) echo libxext6 ;;
    libXfixes.so.3) echo libxfixes3 ;;
    libXi.so.6) echo libxi6 ;;
    libXrender.so.1) echo libxrender1 ;;
    libxkbcommon.so.0) echo libxkbcommon0 ;;
    libxkbcommon-x11.so.0) echo libxkbcommon-x11-0 ;;
    libEGL.so.1) echo libegl1 ;;
    libGL.so.1) echo libgl1 ;;
    libGLX.so.0) echo libglx0 ;;
    libGLdispatch.so.0) echo libglvnd0 ;;
    libOpenGL.so.0) echo libopengl0 ;;
    libfontconfig.so.1) echo libfontconfig1 ;;
    libfreetype.so.6) echo libfreetype6 ;;
    libdbus-1.so.3) echo libdbus-1-3 ;;
    libglib-2.0.so.0|libgthread-2.0.so.0|libgobject-2.0.so.0) echo libglib2.0-0 ;;
    libpng16.so.16) echo libpng16-16 ;;
    libcups.so.2) echo libcups2 ;;
    libexpat.so.1) echo libexpat1 ;;
    libbrotlidec.so.1|libbrotlicommon.so.1) echo libbrotli1 ;;
    libz.so.1) echo zlib1g ;;
    libbsd.so.0) echo libbsd0 ;;
    libmd.so.0) echo libmd0 ;;
    libsystemd.so.0) echo libsystemd0 ;;
    libgcrypt.so.20) echo libgcrypt20 ;;
    libgpg-error.so.0) echo libgpg-error0 ;;
    liblz4.so.1) echo liblz4-1 ;;
    liblzma.so.5) echo liblzma5 ;;
    libzstd.so.1) echo libzstd1 ;;
    libcap.so.2) echo libcap2 ;;
    libpcre2-8.so.0) echo libpcre2-8-0 ;;
    libstdc++.so.6) echo libstdc++6 ;;
    libgcc_s.so.1) echo libgcc-s1 ;;
    *) return 1 ;;
  esac
}

# Qt's documented X11 requirements (doc.qt.io/qt-6/linux-requirements.html) in Debian's names,
# plus GL/EGL and D-Bus: installed whole when a missing library is not in the table above.
QT_DOCUMENTED="libfontconfig1 libfreetype6 libx11-6 libx11-xcb1 libxext6 libxfixes3 libxi6
libxrender1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-keysyms1 libxcb-image0 libxcb-shm0
libxcb-icccm4 libxcb-sync1 libxcb-xfixes0 libxcb-shape0 libxcb-randr0 libxcb-render-util0
libxcb-util1 libxcb-xinerama0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1
libdbus-1-3"

missing=$(missing_sonames)
[ -z "$missing" ] && exit 0

pkgs=""
unknown=""
for so in $missing; do
  if p=$(package_of "$so"); then
    case " $pkgs " in *" $p "*) ;; *) pkgs="$pkgs $p" ;; esac
  else
    unknown="$unknown $so"
  fi
done
if [ -n "$unknown" ]; then
  # Not in the table: fall back to Qt's whole documented list (those this system knows).
  for p in $QT_DOCUMENTED; do
    if ! command -v apt-cache >/dev/null || apt-cache show "$p" >/dev/null 2>&1; then
      case " $pkgs " in *" $p "*) ;; *) pkgs="$pkgs $p" ;; esac
    fi
  done
fi
pkgs=${pkgs# }

echo "Qt's window system (xcb) needs system libraries that are missing:"
for so in $missing; do
  p=$(package_of "$so") || p="not in crdesk's table"
  echo "  $so (package $p)"
done

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing: $pkgs"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086  # one word per package
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; }; then
    echo "apt-get could not install them; run: apt-get install -y $pkgs" >&2
    exit 1
  fi
  still=$(missing_sonames)
  if [ -n "$still" ]; then
    echo "Still missing after installing:" $still >&2
    echo "Install the packages that provide them, then run make again." >&2
    exit 1
  fi
  echo "Qt's system libraries are installed."
  exit 0
fi

if command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then cmd="apt-get install -y $pkgs"
  elif command -v sudo >/dev/null; then cmd="sudo apt-get install -y $pkgs"
  else cmd="su -c 'apt-get install -y $pkgs'"
  fi
  echo "Nothing was installed. Install them with this command, then run make again:" >&2
  echo "  $cmd" >&2
else
  echo "Nothing was installed. Install the packages that provide these libraries (Debian names: $pkgs), then run make again." >&2
fi
exit 1
