"""`petloc train` warns of the annotations whose size is not their image's only for the images the run
uses: it left out the parent's test images and, with --skip-prelabels, the pre-labels, but still warned of
the pre-labels the run leaves out as their model did not know a class of it (review 3, finding 9)."""

from __future__ import annotations

from tests.cli.helpers import run_cli
from tests.cli.test_train_unaware_prelabels import _train_without_tensorflow
from tests.model.test_unaware_prelabels import shapes4  # noqa: F401 - the folder, a fixture


def _size_given_as(xml, width: int) -> None:
    text = xml.read_text(encoding="utf-8")
    assert "<width>40</width>" in text
    xml.write_text(text.replace("<width>40</width>", f"<width>{width}</width>"), encoding="utf-8")


def test_no_size_warning_of_a_pre_label_the_run_leaves_out(shapes4, tmp_path, capsys, monkeypatch):  # noqa: F811
    _size_given_as(shapes4 / "star_a.xml", 80)  # a pre-label of a model that did not know star: left out
    _size_given_as(shapes4 / "circle0.xml", 80)  # a person's box: trained on
    _train_without_tensorflow(monkeypatch)
    code, _, stderr = run_cli(capsys, "train", shapes4, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, stderr
    assert "leaving out 2 unreviewed pre-labels of model photo-three" in stderr
    assert "star_a.xml" not in stderr
    assert "circle0.xml" in stderr  # still warned of: the run uses it
