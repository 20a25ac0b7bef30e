#!/usr/bin/env bash
# Qt (PySide6) needs a few shared libraries that a bare Debian/Ubuntu image lacks.
# Installs them only when missing, and only where we may (root + apt-get).
set -u
# The libraries below are Linux's (EGL, xcb); the macOS and Windows wheels of PySide6 carry their own.
[ "$(uname -s)" = Linux ] || exit 0
# ldconfig is in /sbin or /usr/sbin, on root's PATH but not on a normal user's.
ldconfig=$(command -v ldconfig)
for dir in /sbin /usr/sbin; do
  [ -z "$ldconfig" ] && [ -x "$dir/ldconfig" ] && ldconfig="$dir/ldconfig"
done
if [ -z "$ldconfig" ]; then
  echo "note: no ldconfig here, so the system libraries Qt needs were not checked" >&2
  exit 0
fi
need=()
for lib in libEGL.so.1 libGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libglib-2.0.so.0 libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-shape.so.0 libxcb-xinerama.so.0 libxcb-randr.so.0 libxcb-render-util.so.0 libxcb-image.so.0; do
  "$ldconfig" -p 2>/dev/null | grep -q "$lib" || need+=("$lib")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "note: missing system libraries for Qt: ${need[*]} (install them with your package manager)" >&2
  exit 0
fi
echo "installing system libraries for Qt: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
  libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core >/dev/null
