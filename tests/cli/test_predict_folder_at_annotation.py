"""A folder named like an annotation (``x.xml/`` beside ``x.png``) is no annotation, by one rule
(`core.dataset_item.folder_at_annotation`): `petloc predict --write-voc` counted it as an existing
annotation left untouched ("left 60 existing annotations" where 59 existed) and wrote nothing there
without a word; it says why no pre-label was written now, and counts it as not written."""

from __future__ import annotations

from petloc_gui.cli.prelabel import write_prelabel
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import SaveError
from tests.cli.helpers import BLUE, json_lines, run_cli, voc_xml, write_image

W, H = 64, 32


def test_write_prelabel_refuses_a_folder_at_the_annotation_path(tmp_path):
    image = write_image(tmp_path / "x.png", W, H, BLUE)
    (tmp_path / "x.xml").mkdir()
    try:
        write_prelabel(image, tmp_path / "x.xml", "cat", Box(1, 1, 9, 9), "petloc pre-label by a test")
    except SaveError as exc:
        assert exc.reason == "a folder exists at this path" and exc.path == tmp_path / "x.xml"
    else:
        raise AssertionError("a folder at the annotation path was taken for an annotation left untouched")
    assert list((tmp_path / "x.xml").iterdir()) == []


def test_predict_names_the_folder_and_does_not_count_it_as_an_annotation(tmp_path, tiny_bundle, capsys):
    write_image(tmp_path / "kept.png", W, H, BLUE)
    (tmp_path / "kept.xml").write_text(voc_xml("kept.png", W, H, [("dog", (1, 2, 30, 20))]), encoding="utf-8")
    write_image(tmp_path / "x.png", W, H, BLUE)
    (tmp_path / "x.xml").mkdir()
    code, out, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle, "--write-voc", "--json")
    assert code == 1  # as for any pre-label not written
    assert len(json_lines(out)) == 2
    assert f"{tmp_path / 'x.xml'}: pre-label not written: a folder exists at this path" in err
    assert "wrote 0 pre-label annotations; left 1 existing annotation untouched; 1 could not be written" in err
