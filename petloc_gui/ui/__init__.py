"""PySide6 user interface. TensorFlow is imported lazily, never at module import time."""

from petloc_gui.ui import qt_workarounds as _qt_workarounds

# Before any signal is emitted anywhere in the UI (see qt_workarounds).
_qt_workarounds.apply()
