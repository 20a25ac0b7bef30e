"""Leftovers of a `save_bundle` whose process was killed, made by the real `save_bundle`: the kill is a
BaseException it does not clean up after, as it cannot after SIGKILL."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.model import bundle_write
from petloc_gui.model.bundle_write import save_bundle

PARTIAL_MODEL = b"PK\x03\x04 half of a model.keras"


class Killed(BaseException):
    """The process ends here (SIGKILL): nothing after it runs."""


class HalfSavedModel:
    """A model killed while it writes model.keras."""

    optimizer = None

    def save(self, path: Path) -> None:
        Path(path).write_bytes(PARTIAL_MODEL)
        raise Killed


class SavedModel(HalfSavedModel):
    def save(self, path: Path) -> None:
        Path(path).write_bytes(PARTIAL_MODEL)


def killed_while_writing(out_dir: Path) -> None:
    """``out_dir``'s bundle, killed in model.save: its ``.NAME.XXXXXXXX.tmp`` folder is left."""
    with pytest.raises(Killed):
        save_bundle(HalfSavedModel(), {"preset": "digits"}, out_dir)


def killed_between_the_renames(out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``out_dir`` (an existing folder) renamed away as ``.NAME.XXXXXXXX.old``, the new bundle still in its
    ``.tmp`` folder: killed between save_bundle's two renames."""
    real_rename = bundle_write.rename_folder
    calls = []

    def rename(source, target, *args, **kwargs):
        calls.append(source)
        if len(calls) == 2:
            raise Killed
        return real_rename(source, target, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(bundle_write, "rename_folder", rename)
        with pytest.raises(Killed):
            save_bundle(SavedModel(), {"preset": "digits"}, out_dir)
