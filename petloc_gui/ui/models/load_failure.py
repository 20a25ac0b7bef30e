"""Why a model did not load, in the words the window shows (`PredictionService.model_failed`)."""

from __future__ import annotations


def failure_text(exc: Exception) -> str:
    """Why a model did not load, as the user reads it: an OSError or petloc's own error says it in its
    message (a full disk: "no writable temporary folder ... set TMPDIR"); any other error is named by its
    type too, as its message alone may be a bare key or number."""
    if isinstance(exc, OSError) or type(exc).__module__.startswith("petloc_gui."):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
