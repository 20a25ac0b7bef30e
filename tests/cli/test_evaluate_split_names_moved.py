"""`petloc evaluate --split validation` finds the model's validation images in a folder whose names
changed form or whose subfolder was renamed.

It compared the recorded relative paths to the folder's exactly: a folder copied with its macOS (NFD)
names composed (NFC, as zip, rsync and Windows write them) scored fewer images and called the others
missing, though annotation pairing and --exclude-list ignore case and Unicode form; a renamed subfolder
(``day/`` to ``morning/``) lost its images too, though meta.json records each one's sha256.
"""

from __future__ import annotations

import unicodedata

from petloc_gui.cli.evaluate_split import SELECTION_DESCRIPTION, select_items
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import (
    RED,
    assert_clean_errors,
    bundle_with_meta,
    last_json,
    run_cli,
    voc_xml,
    write_image,
)

NFD = unicodedata.normalize("NFD", "Café_3.png")
NFC = unicodedata.normalize("NFC", "Café_3.png")


def _annotated(folder, relative, color=RED):
    image = folder / relative
    image.parent.mkdir(parents=True, exist_ok=True)
    write_image(image, 64, 32, color)
    image.with_suffix(".xml").write_text(voc_xml(image.name, 64, 32, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
    return image


def _meta(validation, digests=None):
    return {"validation_split": {"images": list(validation)},
            "validation_parts": {"selection": list(validation), "report": []},
            "splits": {"train": ["t.png"], "validation": list(validation), "test": []},
            "images": {path: {"sha256": digest} for path, digest in (digests or {}).items()}}


def test_a_name_in_another_unicode_form_is_scored_and_said(tmp_path, capsys):
    folder = tmp_path / "copied"
    _annotated(folder, NFC)  # the copy composed the name the run recorded decomposed
    _annotated(folder, "a.png", (0, 0, 200))
    chosen, split = select_items(open_dataset(folder), _meta([NFD, "a.png"]), "validation")
    assert sorted(item.image_path.name for item in chosen) == sorted(["a.png", NFC])
    assert split == SELECTION_DESCRIPTION
    err = capsys.readouterr().err
    assert "not in" not in err, err
    assert (f"petloc: 1 of the model's validation images found with its path in another case or Unicode form "
            f"({NFD!r} in meta.json is {NFC!r} in the folder, the same name in another Unicode form (NFD in "
            "meta.json, NFC in the folder))") in err, err


def test_a_renamed_subfolder_is_found_by_the_recorded_bytes_and_said(tmp_path, capsys):
    folder = tmp_path / "renamed"
    moved = _annotated(folder, "morning/x.png")
    _annotated(folder, "morning/y.png", (0, 200, 0))  # a training image: another picture
    _annotated(folder, "kept.png", (0, 0, 200))
    meta = _meta(["day/x.png", "kept.png", "day/gone.png"],
                 {"day/x.png": file_sha256(moved), "day/gone.png": "0" * 64})
    chosen, _ = select_items(open_dataset(folder), meta, "validation")
    assert sorted(item.image_path.name for item in chosen) == ["kept.png", "x.png"]
    lines = assert_clean_errors(capsys.readouterr().err)
    assert lines == [
        "petloc: 1 of the model's validation images found at another path by their bytes (the sha256 meta.json "
        "records) ('day/x.png' is now 'morning/x.png')",
        f"petloc: 1 of the model's validation images is not in {folder}"]  # gone: its bytes are nowhere


def test_an_image_the_model_records_at_its_own_path_is_not_taken_for_another_by_case(tmp_path, capsys):
    """``cat.png`` was a training image beside the validation ``Cat.png`` (a case-sensitive disk): with
    ``Cat.png`` gone, ``cat.png`` is still the training image, not the validation one."""
    folder = tmp_path / "data"
    _annotated(folder, "cat.png")
    _annotated(folder, "b.png", (0, 0, 200))
    meta = _meta(["Cat.png", "b.png"])
    meta["splits"]["train"] = ["cat.png"]
    chosen, _ = select_items(open_dataset(folder), meta, "validation")
    assert [item.image_path.name for item in chosen] == ["b.png"]
    assert capsys.readouterr().err.endswith(f"petloc: 1 of the model's validation images is not in {folder}\n")


def test_evaluate_scores_every_validation_image_of_a_copied_folder(tiny_bundle, tmp_path, capsys):
    folder = tmp_path / "copied"
    image = _annotated(folder, NFC)
    _annotated(folder, "r.png")
    bundle = bundle_with_meta(tiny_bundle, tmp_path, **_meta([NFD, "r.png"], {NFD: file_sha256(image)}))
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", bundle, "--json", "--split", "validation")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 2 and report["accuracy"] == 1.0
    assert "not in" not in err and "in another case or Unicode form" in err
