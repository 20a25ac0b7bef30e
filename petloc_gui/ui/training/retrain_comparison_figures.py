"""The old and new model's figures a finished retrain shows side by side, from its comparison and "done" events."""

from __future__ import annotations

from typing import Any


def comparison_figures(
    comparison: dict[str, Any] | None, done: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str]:
    """(old metrics, new metrics, note) for the side-by-side table."""
    done_metrics = done.get("metrics") if isinstance(done, dict) else None
    if not isinstance(comparison, dict):
        return None, done_metrics if isinstance(done_metrics, dict) else None, (
            "The old and new model could not be compared; the new model's validation figures are shown."
        )
    old = comparison.get("old") if isinstance(comparison.get("old"), dict) else None
    new = comparison.get("new") if isinstance(comparison.get("new"), dict) else done_metrics
    note = str(comparison.get("note") or "")
    return old, new if isinstance(new, dict) else None, note
