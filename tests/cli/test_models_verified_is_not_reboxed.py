"""Marking a held-out image Verified (V: ``verified="yes"``, boxes untouched) changes its annotation's bytes, and
`petloc models` and the window's label said it "was re-boxed since its run ... the figures are on the earlier
boxes". The scored objects are compared where the record keeps their hash (meta.json ``images[*].objects_sha256``);
a record of the bytes alone (an older meta.json) says only what it knows: "changed since (its boxes may differ)"."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.trained_here_said import cautions
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.model.bundle import sha256_or_none
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from tests.cli.models_helpers import listed, rebox, version_its_folder_uses


def _verify(annotation_path: Path) -> None:
    was = sha256_or_none(annotation_path)
    annotation = read_voc(annotation_path)
    annotation.verified = True
    write_voc(annotation, annotation_path)
    assert sha256_or_none(annotation_path) != was  # the bytes changed, the boxes did not


def _window(version: Path, source: Path) -> TrainedHere:
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(source.glob("*.png"))]
    answer = list(check_trained_here(version, source, images, {}))[-1]
    assert isinstance(answer, TrainedHere)
    return answer


def _verified_and_listed(tmp_path: Path, capsys, user_data: Path, objects: bool) -> tuple[Path, Path, list[str], dict]:
    """The version its folder uses, with its validation image (cvat_4) since marked Verified; `petloc models`' say."""
    source, version = version_its_folder_uses(tmp_path, user_data / "models", objects=objects)
    _verify(source / "cvat_4.xml")
    lines, row = listed(capsys)
    return source, version, lines, row


def test_a_verified_mark_is_no_re_box(tmp_path, capsys, _isolated_user_data):
    source, version, lines, row = _verified_and_listed(tmp_path, capsys, _isolated_user_data, objects=True)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_by_bytes"]) == (0, 1, 0)
    assert not any("re-boxed" in line or "changed since" in line for line in lines)
    assert (_window(version, source).measured_here, _window(version, source).reboxed) == (1, 0)
    rebox(source / "cvat_4.xml")
    lines, row = listed(capsys)
    assert (row["reboxed_since"], row["reboxed_by_bytes"]) == (1, 0)
    assert any("was re-boxed since its run" in line and "on the earlier boxes" in line for line in lines)
    assert _window(version, source).reboxed == 1


def test_a_record_of_the_bytes_alone_says_changed_not_re_boxed(tmp_path, capsys, _isolated_user_data):
    source, version, lines, row = _verified_and_listed(tmp_path, capsys, _isolated_user_data, objects=False)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_by_bytes"]) == (1, 1, 1)
    said = [line for line in lines if "since its run" in line]
    assert said == [f"digits/v1: the validation image its figures were measured on was changed since its run (its "
                    f"boxes may differ), in {source.resolve()} (a folder that uses it): the figures are on the boxes "
                    f"its run read; petloc evaluate {source.resolve()} --model digits/v1 --split validation re-scores "
                    "them"]
    answer = _window(version, source)
    assert (answer.reboxed, answer.reboxed_by_bytes) == (1, 1)
    caution = cautions(answer)[0]  # (then: 4 of its training images are here)
    assert caution.long.startswith("the validation image they were measured on was changed since (its boxes may "
                                   "differ)") and caution.short == "1 changed since"
    assert "re-boxed" not in caution.long + caution.short
