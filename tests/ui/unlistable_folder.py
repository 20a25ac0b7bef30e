"""A folder as ``chmod 000`` leaves it, for tests that may run as root (whom modes do not stop)."""

from __future__ import annotations

import os
from pathlib import Path


def not_listable(monkeypatch, folder: Path) -> None:
    """``folder`` cannot be listed, and nothing inside it can be looked at or opened; the folder itself still
    can be (pass its parent for a folder that cannot even be looked at)."""
    top = os.fspath(folder)
    stat, scandir, open_ = os.stat, os.scandir, os.open

    def refused(real, top_too: bool):
        def call(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)):
                text = os.fspath(path)
                if text.startswith(top + os.sep) or (top_too and text == top):
                    raise PermissionError(13, "Permission denied", text)
            return real(path, *args, **kwargs)
        return call

    monkeypatch.setattr(os, "stat", refused(stat, False))
    monkeypatch.setattr(os, "open", refused(open_, False))
    monkeypatch.setattr(os, "scandir", refused(scandir, True))
