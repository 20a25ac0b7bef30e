"""The "re-boxed since" figures count the images the figures rest on, no more: a re-box of a validation image that
only chose the model's epoch (meta.json ``validation_parts.selection``) was said of figures never measured on it
(`petloc models`: ``metrics.n_images`` 1 beside ``reboxed_of`` 2), and so was the window's model label. One rule,
`model.trained_here.measured_on`: the report part for a run's own figures, a version's ``basis.relpaths`` for the
comparison's, the test images for test figures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model.trained_here_folders import bundle, training_folder
from tests.model_files import add_model_file

FIGURES = {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.8, "split": "validation (report part: did not choose the "
           "epoch)"}
SELECTION, REPORT = "cvat_3.png", "cvat_4.png"


def _version(tmp_path: Path, store: Path, source: Path, record: dict | None = None) -> Path:
    """A digits version in the store trained on cvat_0-2, cvat_3 choosing its epoch and cvat_4 reporting its
    figures; ``record``: its version.json."""
    made = bundle(tmp_path, source, FIGURES)
    meta = json.loads((made / "meta.json").read_text(encoding="utf-8"))
    meta.update(format_version=1, preset="digits", input_size=[32, 32], created="2026-11-23T12:00:00+00:00",
                parent=None, validation_parts={"selection": [SELECTION], "report": [REPORT]})
    meta["splits"].update(train=["cvat_0.png", "cvat_1.png", "cvat_2.png"], validation=[SELECTION, REPORT])
    (made / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    folder = store / "digits" / "v1"
    folder.parent.mkdir(parents=True)
    shutil.move(made, folder)
    if record is not None:
        (folder / "version.json").write_text(json.dumps(record), encoding="utf-8")
    return add_model_file(folder)


def _rebox(annotation_path: Path) -> None:
    annotation = read_voc(annotation_path)
    annotation.objects[0].box = Box(6, 6, 31, 31)
    write_voc(annotation, annotation_path)


def _row(capsys) -> dict:
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return {row["name"]: row for row in json_lines(out)}["digits/v1"]


def _window(version: Path, source: Path) -> TrainedHere:
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(source.glob("*.png"))]
    answer = list(check_trained_here(version, source, images, {}))[-1]
    assert isinstance(answer, TrainedHere)
    return answer


def test_an_image_that_only_chose_the_epoch_is_not_one_the_figures_were_measured_on(tmp_path, capsys,
                                                                                     _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = _version(tmp_path, _isolated_user_data / "models", source)
    FolderMemory().remember(source, str(version))
    _rebox(source / SELECTION.replace(".png", ".xml"))
    row = _row(capsys)
    assert (row["reboxed_since"], row["reboxed_of"], row["metrics"]["n_images"]) == (0, 1, 1)
    assert (_window(version, source).measured_here, _window(version, source).reboxed) == (1, 0)
    _rebox(source / REPORT.replace(".png", ".xml"))
    assert (_row(capsys)["reboxed_since"], _window(version, source).reboxed) == (1, 1)


def test_a_version_s_comparison_figures_count_the_images_it_scored(tmp_path, capsys, _isolated_user_data):
    """A version kept in the window holds the comparison's figures, on ``basis.relpaths`` (here the image that chose
    the epoch, as a comparison of a run with no report part scores): those are the images counted."""
    source = training_folder(tmp_path, boxed=True)
    record = {"preset": "digits", "created": "2026-11-23T12:00:00+00:00", "parent": None,
              "metrics": {**FIGURES, "basis": {"images": "validation images", "n_validation": 2,
                                               "relpaths": [SELECTION], "hedges": []}}}
    version = _version(tmp_path, _isolated_user_data / "models", source, record)
    FolderMemory().remember(source, str(version))
    _rebox(source / SELECTION.replace(".png", ".xml"))
    row = _row(capsys)
    assert (row["reboxed_since"], row["reboxed_of"]) == (1, 1)
    assert (_window(version, source).measured_here, _window(version, source).reboxed) == (1, 1)


def test_test_figures_count_the_test_images(tmp_path, capsys, _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = _version(tmp_path, _isolated_user_data / "models", source)
    meta = json.loads((version / "meta.json").read_text(encoding="utf-8"))
    meta["splits"].update(validation=[REPORT], test=[SELECTION])
    meta["metrics"] = {**FIGURES, "split": "test"}
    (version / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    FolderMemory().remember(source, str(version))
    _rebox(source / SELECTION.replace(".png", ".xml"))
    row = _row(capsys)
    assert (row["split"], row["reboxed_since"], row["reboxed_of"]) == ("test", 1, 1)
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(source.glob("*.png"))]
    answer = list(check_trained_here(version, source, images, {}, split="test"))[-1]
    assert (answer.measured_here, answer.reboxed) == (1, 1)
