"""Before Qt starts on X11: say which system libraries its xcb platform plugin lacks, or that there is no
display to show the window on.

Without them Qt aborts with "Could not load the Qt platform plugin xcb" and
a hint that names xcb-cursor0 whatever is actually missing (on a machine
lacking icccm, keysyms and xinerama it still said xcb-cursor0). Here each
library the plugin links against is tried with the same loader Qt uses, and
the message names the missing ones and the packages that provide them.

With no display (over SSH without X forwarding, in CI without Xvfb) or one no X server answers, Qt said
the same misleading xcb-cursor0 hint and aborted (exit 134): `display_problem` says which, in one line.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The libraries Qt 6's libQt6XcbQpa links against (ldd), with their Debian/Ubuntu packages.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_xcb_libraries(loads: Callable[[str], bool] = _loads) -> list[tuple[str, str]]:
    """(library, package) for each library of the xcb plugin that cannot be loaded."""
    return [(library, package) for library, package in XCB_LIBRARIES if not loads(library)]


def xcb_is_the_platform(environ: Mapping[str, str], platform: str | None = None) -> bool:
    """Whether Qt's xcb plugin is the one platform Qt would start with here (Linux; ``platform``: sys.platform's
    stand-in): QT_QPA_PLATFORM names xcb alone (``xcb``, ``xcb:nograb``), or is unset with no WAYLAND_DISPLAY.

    Not where Qt may do without it, so that a start that could work is not stopped: another platform
    (offscreen, wayland, vnc…), a list (``xcb;offscreen``: Qt falls back along it when xcb cannot start), or
    nothing asked with a Wayland display there (Qt may choose Wayland, X's DISPLAY beside it or not)."""
    if (platform or sys.platform) != "linux":
        return False
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested:
        return requested.split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def xcb_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                loads: Callable[[str], bool] = _loads) -> str | None:
    """The message to print instead of starting Qt, or None when xcb is not the platform (`xcb_is_the_platform`)
    or nothing is missing."""
    if not xcb_is_the_platform(os.environ if environ is None else environ, platform):
        return None
    missing = missing_xcb_libraries(loads)
    if not missing:
        return None
    libraries = ", ".join(library for library, _ in missing)
    packages = " ".join(package for _, package in missing)
    return (f"petloc-gui: Qt's X11 (xcb) platform needs system libraries that are missing: {libraries}.\n"
            f"Install them (Debian/Ubuntu): sudo apt-get install {packages}\n"
            "(from a source checkout: scripts/install_system_libs.sh); on other systems install the matching "
            "xcb-util packages. "
            "(QT_QPA_PLATFORM=offscreen runs without a display.)")


NO_DISPLAY_HINT = "(run it inside a desktop session, or with QT_QPA_PLATFORM=offscreen for --screenshot)"


def _connects(display: str) -> bool | None:
    """Whether an X server answers at ``display``, asked with libxcb as Qt's plugin asks (a connection,
    closed at once); None when libxcb cannot be loaded, for Qt to say what it says."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    # Never NULL: a failed connection is a connection in error, which xcb_disconnect also takes.
    connection = xcb.xcb_connect(os.fsencode(display), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def display_problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
                    connects: Callable[[str], bool | None] = _connects) -> str | None:
    """The line to print instead of starting Qt's xcb platform with no display to connect to, or None.

    Only where xcb is the one platform Qt would try (`xcb_is_the_platform`)."""
    environ = os.environ if environ is None else environ
    if not xcb_is_the_platform(environ, platform):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return f"petloc-gui: no display: DISPLAY is not set {NO_DISPLAY_HINT}"
    if connects(display) is False:
        return f"petloc-gui: no display: cannot connect to the display {display} {NO_DISPLAY_HINT}"
    return None
