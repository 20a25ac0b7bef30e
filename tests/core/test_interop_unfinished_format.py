"""The "did not finish" refusal named the manifest of the export being asked for, not of the one that was
killed: the mark did not record the format, so after a killed --to yolo, --to coco into the same folder said
it was "stopped before it wrote annotations.json" and that --overwrite "finishes it", which would in fact
write a COCO export beside the YOLO leftovers. The mark names the format and its manifest now."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import export_coco, export_yolo, unfinished
from petloc_gui.core.interop import upright as upright_module


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs."""


def _killed_yolo_export(small_voc, out, monkeypatch) -> None:
    def place(self, record, *args, **kwargs):
        raise Killed

    monkeypatch.setattr(upright_module.Orientations, "place", place)
    with pytest.raises(Killed):
        export_yolo(open_dataset(small_voc), out)
    monkeypatch.undo()


def test_the_mark_names_the_format_and_its_manifest(small_voc, tmp_path, monkeypatch):
    _killed_yolo_export(small_voc, tmp_path / "out", monkeypatch)
    assert unfinished.earlier_format(tmp_path / "out") == ("yolo", "data.yaml")


def test_another_formats_export_names_what_did_not_finish(small_voc, tmp_path, monkeypatch):
    out = tmp_path / "out"
    _killed_yolo_export(small_voc, out, monkeypatch)
    with pytest.raises(SaveError) as refused:
        export_coco(open_dataset(small_voc), out)
    assert str(refused.value) == (
        f"{out}: holds a YOLO export that did not finish: one into this folder was stopped before it wrote "
        "data.yaml (or is running now). Export YOLO into it again (pass --overwrite) to finish it, or choose "
        "another folder for this COCO export, or delete the folder")


def test_a_mark_an_older_petloc_wrote_gets_the_message_of_the_format_asked_for(small_voc, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / unfinished.MARK).write_text("1 some-machine\nolder explanation\n")
    with pytest.raises(SaveError, match="stopped before it wrote annotations.json .* to finish it "
                                        r"\(the export is written again"):
        export_coco(open_dataset(small_voc), out)
