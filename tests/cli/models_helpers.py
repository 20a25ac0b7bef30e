"""A trained version in the store, recorded as trained on a folder of copied photos
(tests/model/trained_here_folders.py), for `petloc models`' tests of what it says of images re-boxed since."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model.trained_here_folders import bundle, training_folder
from tests.model_files import add_model_file

FIGURES = {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.8, "split": "validation (report part: did not choose the "
           "epoch)"}


def stored_version(tmp_path: Path, store: Path, source: Path, objects: bool = True) -> Path:
    """A digits version in the store whose meta.json records training on ``source`` (cvat_4.png held out);
    ``objects``: whether the record keeps the hash of each image's scored objects (an older one does not)."""
    made = bundle(tmp_path, source, FIGURES, objects=objects)
    meta = json.loads((made / "meta.json").read_text(encoding="utf-8"))
    meta.update(format_version=1, preset="digits", input_size=[32, 32], created="2026-11-23T12:00:00+00:00",
                parent=None)
    (made / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    folder = store / "digits" / "v1"
    folder.parent.mkdir(parents=True)
    shutil.move(made, folder)
    return add_model_file(folder)


def version_its_folder_uses(tmp_path: Path, store: Path, boxed: bool = True,
                            objects: bool = True) -> tuple[Path, Path]:
    """A training folder and the version trained on it, the folder remembered as using it (folder_models.json)."""
    source = training_folder(tmp_path, boxed=boxed)
    version = stored_version(tmp_path, store, source, objects=objects)
    FolderMemory().remember(source, str(version))
    return source, version


def rebox(annotation_path: Path) -> None:
    annotation = read_voc(annotation_path)
    annotation.objects[0].box = Box(6, 6, 31, 31)
    write_voc(annotation, annotation_path)


def listed(capsys) -> tuple[list[str], dict]:
    """`petloc models`' lines, and digits/v1's --json row."""
    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    code, json_out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return out.splitlines(), {row["name"]: row for row in json_lines(json_out)}["digits/v1"]
