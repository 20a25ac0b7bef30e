"""The TFLite conversion's temporary SavedModel folder (`export.tflite_bytes`): its name, and the removal of those
that conversions killed outright left behind.

The converter reads a SavedModel from disk, so each conversion writes one into a folder of its own in the
temporary folder ($TMPDIR, else /tmp) and removes it when done, stopped (Ctrl+C, SIGTERM) or failing. Killed
outright (SIGKILL, the out-of-memory killer, a power cut) it cannot: the folder stayed for ever, as nothing
could tell a dead conversion's from one at work. Its name now carries its writer
(``.petloc-tflite-<writer_tag>.<16 hex>``, `core.abandoned_folders`), and each conversion first removes those
whose writer has ended (a live one's, another machine's or pid namespace's, and the earlier versions'
``petloc-tflite-<16 hex>``, which name none, stay). No TensorFlow here.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from pathlib import Path

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag

TFLITE_FOLDER_PREFIX = ".petloc-tflite-"  # hidden, as every temporary petloc makes (the sweep looks at those only)
_CONVERSION_FOLDER = re.compile(rf"{re.escape(TFLITE_FOLDER_PREFIX)}{WRITER}\.[0-9a-f]{{16}}")


def new_conversion_folder() -> str:
    """A name for a new conversion's folder in the temporary folder (not made: the caller makes it where a stop
    cannot leave it behind)."""
    return os.path.join(tempfile.gettempdir(), f"{TFLITE_FOLDER_PREFIX}{writer_tag()}.{secrets.token_hex(8)}")


def remove_ended_conversions() -> list[Path]:
    """Delete the conversion folders in the temporary folder whose writer has ended; return what was removed.
    Whatever they hold: the name, with a writer's tag, is made by petloc only, and the folder is made 0700, so
    nobody else writes in it (a SavedModel, whole or part written, or nothing)."""
    return remove_abandoned_folders(tempfile.gettempdir(), _CONVERSION_FOLDER, contents=None)
