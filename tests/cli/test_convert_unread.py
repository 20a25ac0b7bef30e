"""`petloc convert` names an annotated photo it cannot read (HEIC, ...) instead of leaving it out silently
(the dataset index's problem line, `core.folder_listing.unread_problems`)."""

from __future__ import annotations

from tests.cli.helpers import run_cli, voc_xml, write_annotated

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def test_convert_names_the_annotated_heic_photo_it_leaves_out(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_annotated(data, "cat", 40, 30, [("cat", (5, 5, 20, 20))])
    (data / "IMG_1.HEIC").write_bytes(HEIC)
    (data / "IMG_1.xml").write_text(voc_xml("IMG_1.HEIC", 40, 30, [("dog", (1, 1, 9, 9))]))
    code, _, err = run_cli(capsys, "convert", data, "--to", "yolo", tmp_path / "y")
    assert code == 0
    assert (f"petloc: {data}: 1 file not read (IMG_1.HEIC): HEIC is not supported; it has an "
            "annotation, left out of training, evaluation and exports; convert it to JPEG or PNG") in err
