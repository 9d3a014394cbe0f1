#!/bin/sh
# Qt's platform plugins load a few system libraries that a minimal Debian lacks.
# Install them when they are missing and we may (root with apt-get); otherwise say what is needed.
missing=""
for lib in libEGL.so.1 libfontconfig.so.1 libxkbcommon.so.0 libGL.so.1 libdbus-1.so.3; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -z "$missing" ] && exit 0
pkgs="libegl1 libfontconfig1 libxkbcommon0 libgl1 libdbus-1-3 libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Qt runtime libraries:$missing"
  apt-get update -qq && apt-get install -y -qq $pkgs >/dev/null
else
  echo "Qt needs these system libraries:$missing"
  echo "Install them with: sudo apt-get install $pkgs"
  exit 1
fi
