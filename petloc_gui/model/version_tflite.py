"""A version trained in the window gets its own verified .tflite files, so the window runs it without TensorFlow.

The window runs a bundle with LiteRT alone, never importing TensorFlow (whose import froze it for seconds),
only when its meta.json records its .tflite files as its .keras files converted and checked
(`model.tflite_provenance`). The window's training child (`train_worker`) and `petloc train`
(`cli.train_tflite`) call `add_verified_tflite` once the new bundle is saved: its first stage converted to
``model.tflite``, a two-stage bundle's refiner to ``refine.tflite`` when it has none (a fine-tune carries its
parent's), both checked against their .keras files and recorded. A conversion or check that fails leaves the
version as before, without those files (the window loads it through TensorFlow), and says so in one line on
the run's log: it never fails the run.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from petloc_gui.model.bundle import REFINE_TFLITE
from petloc_gui.model.export import TFLITE_FILENAME


def add_verified_tflite(bundle_path: str | os.PathLike[str],
                        log: Callable[[str], None] | None = None) -> list[str]:
    """Convert, check and record the bundle's own .tflite files (`tflite_provenance.stamp_verified_tflite`);
    returns the names recorded, [] when it failed: the files it wrote removed, the reason told to ``log`` in
    one line (default: a ``[petloc]`` line on stderr, the run's log in the window). A stop
    (KeyboardInterrupt, SystemExit) is not caught, the files written removed all the same."""
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.runtime import write_tflite
    from petloc_gui.model.tflite_provenance import stamp_verified_tflite

    say = log or _to_stderr
    folder = Path(bundle_path)
    started = time.monotonic()
    written: list[Path] = []
    try:
        bundle = load_bundle(folder)
        stages = [(bundle.model, folder / TFLITE_FILENAME)]
        if bundle.refiner is not None:
            stages.append((bundle.refiner, folder / REFINE_TFLITE))
        for model, path in stages:
            if path.name == TFLITE_FILENAME or not path.is_file():  # a carried refine.tflite is checked as it is
                written.append(path)
                write_tflite(model, path)
        recorded = list(stamp_verified_tflite(folder))
    except BaseException as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        if not isinstance(exc, Exception):
            raise
        say(f"the new model has no TFLite file the window can run without TensorFlow "
            f"({type(exc).__name__}: {_first_line(exc)}); it loads through TensorFlow, as before")
        return []
    say(f"{' and '.join(recorded)} written and checked against the Keras model in "
        f"{time.monotonic() - started:.1f} s: the window runs the new model without TensorFlow")
    return recorded


# At most this much of a failure's first line is said: the converter's errors run to pages of MLIR
REASON_CHARS = 300


def _first_line(exc: Exception) -> str:
    """The reason in one line, its first (what failed), " ..." where more was left out."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else ""
    if len(text) > REASON_CHARS:
        return text[:REASON_CHARS] + " ..."
    return text + (" ..." if len(lines) > 1 else "")


def _to_stderr(line: str) -> None:
    print(f"[petloc] {line}", file=sys.stderr, flush=True)
