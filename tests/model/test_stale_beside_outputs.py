"""The next export or training run into a folder removes what a killed one left there a day or more ago
(`core.stale`): nothing else ever looked beside an export's target, and a bundle save's sweep took a
killed save's folder for someone else's. No TensorFlow: the writers are stood in for."""

from __future__ import annotations

import os
import time
from pathlib import Path

from petloc_gui.model import export
from petloc_gui.model.bundle_write import save_bundle

DAY = 24 * 3600


def _aged(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    then = time.time() - 2 * DAY
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (then, then))
    return folder


class _Archive:
    def write_out(self, path: str, verbose: bool = False) -> None:
        (Path(path) / "saved_model.pb").write_bytes(b"pb")


def test_an_export_removes_a_killed_exports_folder_beside_its_target(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "_archive", lambda *args, **kwargs: _Archive())
    killed = _aged(tmp_path / ".sm.42e90709.tmp", {"variables/variables.index": b"i"})
    theirs = _aged(tmp_path / ".sm.abcdef12.tmp", {"notes.txt": b"someone's"})
    staging = _aged(tmp_path / ".staging-mine", {"photo.jpg": b"someone's"})
    export.export_saved_model(object(), tmp_path / "sm")
    assert not killed.exists()
    assert theirs.exists() and staging.exists()
    assert (tmp_path / "sm" / "saved_model.pb").is_file()


class _Model:
    optimizer = None

    def save(self, path: Path) -> None:
        Path(path).write_bytes(b"zip")


def test_a_bundle_save_removes_a_save_killed_in_its_rename(tmp_path):
    killed = _aged(tmp_path / ".digits-20260101T000000Z-8d52a3.4iwpvrsb.tmp",
                   {"model.keras": b"zip", ".meta.json.07bp7592.tmp": b"{"})
    staging = _aged(tmp_path / ".staging-mine", {"photo.jpg": b"someone's"})  # --out's folder is the user's
    save_bundle(_Model(), {"preset": "digits"}, tmp_path / "new")
    assert not killed.exists()
    assert staging.exists()
    assert (tmp_path / "new" / "meta.json").is_file()


class _Bundle:
    model = object()
    class_names = ("cat", "dog")


def test_a_tflite_export_removes_killed_writes_temporaries_beside_its_target(tmp_path, monkeypatch):
    """export_tflite sweeps its folder itself: the write temporaries of a killed TFLite export and of its
    names file go once a day old; a young one (a write going on now) and someone's file stay."""
    monkeypatch.setattr(export, "tflite_bytes", lambda model, **_: b"TFL3")
    old = [tmp_path / ".d.tflite.ab12cd34.tmp", tmp_path / ".d.labels.txt.ef56gh78.tmp"]
    young = tmp_path / ".e.tflite.ij90kl12.tmp"
    theirs = tmp_path / ".notes.txt.mn34op56.tmp"
    for path in [*old, young, theirs]:
        path.write_bytes(b"half")
    then = time.time() - 2 * DAY
    for path in [*old, theirs]:
        os.utime(path, (then, then))
    export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert not any(path.exists() for path in old)
    assert young.exists() and theirs.exists()
    assert (tmp_path / "d.tflite").read_bytes() == b"TFL3"
    assert (tmp_path / "d.labels.txt").read_text() == "cat\ndog\n"


def test_a_killed_export_of_a_model_with_class_names_is_removed_too(tmp_path, monkeypatch):
    # its class names are an asset (assets/labels.txt), written first into .petloc-assets/ for the save to copy
    monkeypatch.setattr(export, "_archive", lambda *args, **kwargs: _Archive())
    killed = _aged(tmp_path / ".sm.42e90709.tmp", {"saved_model.pb": b"pb", "assets/labels.txt": b"cat\n",
                                                  ".petloc-assets/labels.txt": b"cat\n",
                                                  ".petloc-assets/.labels.txt.ab12cd34.tmp": b"ca"})
    theirs = _aged(tmp_path / ".sm.abcdef12.tmp", {"saved_model.pb": b"pb", "assets/vocabulary.txt": b"a\n"})
    export.export_saved_model(object(), tmp_path / "sm")
    assert not killed.exists()
    assert theirs.exists()
