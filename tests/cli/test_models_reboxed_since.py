"""`petloc models` printed a version's figures as they were recorded, with nothing said once a box of an image they
were measured on was corrected since its run, where the window's model label says it (`model.trained_here`). A model
records its training folder's name only, so the listing looks in the folders that use the model (folder_models.json)
and counts an image only where its bytes are those recorded: the --json row's ``reboxed_since`` (null: not known),
and a line after the table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model.trained_here_folders import bundle, copied_folder, training_folder
from tests.model_files import add_model_file

FIGURES = {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.8, "split": "validation (report part: did not choose the "
           "epoch)"}


def _version(tmp_path: Path, store: Path, source: Path) -> Path:
    """A digits version in the store whose meta.json records training on ``source`` (cvat_4.png held out)."""
    made = bundle(tmp_path, source, FIGURES)
    meta = json.loads((made / "meta.json").read_text(encoding="utf-8"))
    meta.update(format_version=1, preset="digits", input_size=[32, 32], created="2026-11-23T12:00:00+00:00",
                parent=None)
    (made / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    folder = store / "digits" / "v1"
    folder.parent.mkdir(parents=True)
    shutil.move(made, folder)
    return add_model_file(folder)


def _rebox(annotation_path: Path) -> None:
    annotation = read_voc(annotation_path)
    annotation.objects[0].box = Box(6, 6, 31, 31)
    write_voc(annotation, annotation_path)


def _listed(capsys) -> tuple[list[str], dict]:
    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    code, json_out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return out.splitlines(), {row["name"]: row for row in json_lines(json_out)}["digits/v1"]


def test_a_re_boxed_validation_image_in_the_folder_that_uses_it_is_said(tmp_path, capsys, _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = _version(tmp_path, _isolated_user_data / "models", source)
    FolderMemory().remember(source, str(version))
    lines, row = _listed(capsys)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (0, 1, str(source.resolve()))
    assert not any("re-boxed" in line for line in lines)
    _rebox(source / "cvat_4.xml")
    lines, row = _listed(capsys)
    assert row["reboxed_since"] == 1 and row["metrics"]["accuracy"] == 1.0  # the figures as recorded, said of
    said = [line for line in lines if "re-boxed" in line]
    assert said == [f"digits/v1: the validation image its figures were measured on was re-boxed since its run, in "
                    f"{source.resolve()} (a folder that uses it): the figures are on the earlier boxes; petloc "
                    f"evaluate {source.resolve()} --model digits/v1 --split validation re-scores them"]
    assert lines[-1].startswith("Trained versions are kept in")


def test_a_training_image_re_boxed_is_not_an_image_the_figures_are_on(tmp_path, capsys, _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = _version(tmp_path, _isolated_user_data / "models", source)
    FolderMemory().remember(source, str(version))
    _rebox(source / "cvat_0.xml")
    assert _listed(capsys)[1]["reboxed_since"] == 0


def test_without_a_folder_that_holds_its_measured_images_it_is_not_known(tmp_path, capsys, _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = _version(tmp_path, _isolated_user_data / "models", source)
    _rebox(source / "cvat_4.xml")
    row = _listed(capsys)[1]
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (None, None, None)  # no folder uses it
    copies = copied_folder(tmp_path, source)  # its photos under other names: not the images it was measured on
    FolderMemory().remember(copies, str(version))
    lines, row = _listed(capsys)
    assert row["reboxed_since"] is None and not any("re-boxed" in line for line in lines)


def test_a_record_without_annotation_hashes_cannot_tell(tmp_path, capsys, _isolated_user_data):
    """Its run read no annotation of the image (none then, an older record): whether it was re-boxed is not known."""
    source = training_folder(tmp_path)
    version = _version(tmp_path, _isolated_user_data / "models", source)
    FolderMemory().remember(source, str(version))
    assert _listed(capsys)[1]["reboxed_since"] is None
