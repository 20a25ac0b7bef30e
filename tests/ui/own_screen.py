"""A test run in a pytest process of its own on an offscreen screen of a given size and scale: Qt reads the
scale once per process, so each size-and-scale case of a layout check runs its on-this-screen half apart. The
inner test is skipped unless ``SCREEN_VARIABLE`` is set, and checks the screen it got is the one asked for
(its logical size: native px over the scale)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCREEN_VARIABLE = "PETLOC_TEST_SCREEN"


def run_on_screen(test: Callable[..., Any], tmp_path: Path, width: int, height: int, scale: str,
                  **environment: str) -> None:
    """Runs ``test`` (a test function of a module under tests/) in its own pytest process on a ``width`` x
    ``height`` (native px) offscreen screen at QT_SCALE_FACTOR ``scale``, with ``environment`` added; fails
    with the inner run's output unless it passed."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": "test", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    logical = f"{round(width / float(scale))}x{round(height / float(scale))}"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
               **{SCREEN_VARIABLE: logical}, **environment)
    root = Path(__file__).resolve().parents[2]
    inner = f"{test.__code__.co_filename}::{test.__name__}"
    done = subprocess.run([sys.executable, "-m", "pytest", inner, "-q", "-p", "no:cacheprovider"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=300)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]
