"""`petloc models` finds the held-out images a version's figures were measured on as the window does: by their recorded
bytes anywhere in a folder that uses it (`model.held_out_reboxed`). It hashed them at their recorded paths alone, so
a flat folder of byte copies of its validation photo (labelImg's images and XML side by side, under other names) had
the window say the photo was re-boxed since while the listing said nothing (``reboxed_since`` null: not known)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model import bundle as bundle_module
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from tests.cli.models_helpers import listed, rebox, stored_version
from tests.model.trained_here_folders import TRAIN, VALIDATION, copied_folder, training_folder


def _flat(tmp_path: Path, source: Path, names: list[str]) -> Path:
    """Byte copies of ``names`` and their annotations, side by side under other names ("photo_4.png")."""
    root = tmp_path / "flat"
    root.mkdir()
    for name in names:
        renamed = name.replace("cvat_", "photo_")
        shutil.copy(source / name, root / renamed)
        shutil.copy((source / name).with_suffix(".xml"), (root / renamed).with_suffix(".xml"))
    return root


def _window(version: Path, folder: Path) -> TrainedHere:
    """The window's answer for ``version`` and ``folder`` (`trained_here_watch` gives its check the folder's items)."""
    items = [(item.image_path_text, item.annotation_path_text) for item in open_dataset(folder).items]
    answer = list(check_trained_here(version, folder, items, {}, "validation"))[-1]
    assert isinstance(answer, TrainedHere)
    return answer


def _with_sizes(version: Path, source: Path) -> None:
    """Each image's size recorded, as a run now records it."""
    meta = json.loads((version / "meta.json").read_text(encoding="utf-8"))
    for name, entry in meta["images"].items():
        entry["size"] = (source / name).stat().st_size
    (version / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_a_flat_copy_of_its_validation_photo_is_said_as_the_window_says_it(tmp_path, capsys, _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = stored_version(tmp_path, _isolated_user_data / "models", source)
    flat = _flat(tmp_path, source, [TRAIN[0], *VALIDATION])
    FolderMemory().remember(flat, str(version))
    row = listed(capsys)[1]
    window = _window(version, flat)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (0, 1, str(flat.resolve()))
    assert (window.reboxed, window.measured_here) == (0, 1)
    rebox(flat / "photo_4.xml")
    lines, row = listed(capsys)
    window = _window(version, flat)
    assert (row["reboxed_since"], row["reboxed_of"]) == (window.reboxed, window.measured_here) == (1, 1)
    assert [line for line in lines if "re-boxed" in line] == [
        f"digits/v1: the validation image its figures were measured on was re-boxed since its run, in "
        f"{flat.resolve()} (a folder that uses it): the figures are on the earlier boxes; petloc evaluate "
        f"{flat.resolve()} --model digits/v1 --split validation re-scores them"]


def test_only_images_of_a_held_out_image_s_size_are_read(tmp_path, capsys, _isolated_user_data, monkeypatch):
    source = training_folder(tmp_path, boxed=True)
    version = stored_version(tmp_path, _isolated_user_data / "models", source)
    _with_sizes(version, source)
    flat = _flat(tmp_path, source, VALIDATION)
    for n in range(5):  # photos of no recorded image's size: never read
        (flat / f"phone_{n}.png").write_bytes(bytes([n]) * (60_000 + n))
    FolderMemory().remember(flat, str(version))
    reads: list[str] = []
    real = bundle_module.sha256_or_none

    def counted_read(path):
        reads.append(Path(path).name if path is not None else "")
        return real(path)

    monkeypatch.setattr(bundle_module, "sha256_or_none", counted_read)
    assert listed(capsys)[1]["reboxed_of"] == 1
    assert {name for name in reads if name.endswith(".png")} == {"photo_4.png"}


def test_a_copy_without_its_annotation_is_said_apart_not_re_boxed(tmp_path, capsys, _isolated_user_data):
    """The validation photo's copy with no XML beside it was counted re-boxed since its run: its boxes were never
    changed, there are none there to re-score it on. Said apart, as the window says it."""
    source = training_folder(tmp_path, boxed=True)
    version = stored_version(tmp_path, _isolated_user_data / "models", source)
    copies = copied_folder(tmp_path, source)  # the photos under other names, no annotation beside them
    FolderMemory().remember(copies, str(version))
    lines, row = listed(capsys)
    window = _window(version, copies)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_unannotated"]) == (
        window.reboxed, window.measured_here, window.measured_unannotated) == (0, 1, 1)
    assert not any("re-boxed" in line for line in lines)
    assert [line for line in lines if "no annotation" in line] == [
        f"digits/v1: the validation image its figures were measured on has no annotation in {copies.resolve()} (a "
        "folder that uses it): the figures cannot be re-scored on it there"]
