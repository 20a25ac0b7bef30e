"""Waiting for a folder's model: opened without one named, a folder has it chosen in a worker."""

from __future__ import annotations


def wait_model_chosen(qtbot, window, timeout=10_000) -> None:
    """Wait until the open folder's model is decided (`ui.models.folder_model_chooser`): chosen, named or picked."""
    qtbot.waitUntil(lambda: window.models.choosing is None, timeout=timeout)
