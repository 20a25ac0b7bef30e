"""`petloc convert YOLO --from yolo VOC --overwrite` into a VOC folder also open in the window: the user saved a.xml
(or another tool rewrote it) after the run had replaced it, then stopped the run (Ctrl+C). The take-back wrote the
before-run bytes over that save, saying "the 3 files it had replaced were put back as they were": the newer save was
gone. A file changed since the run wrote it is left as it is now, and named so."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.interop import written as written_module
from tests.cli.helpers import run_cli, voc_xml

USERS_SAVE = voc_xml("a.png", 40, 30, [("kitten-saved-by-the-user-during-the-run", (5, 5, 20, 20))])


def _voc_folder_and_yolo_source(small_voc: Path, tmp_path: Path, capsys) -> tuple[Path, Path]:
    src, out = tmp_path / "yolo", tmp_path / "mine"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", src, "--images", "copy")
    assert code == 0, err
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out)
    assert code == 0, err
    return src, out


def test_a_save_made_while_it_ran_is_not_written_over(small_voc, tmp_path, monkeypatch, capsys):
    src, out = _voc_folder_and_yolo_source(small_voc, tmp_path, capsys)
    real, writes = written_module.Written.wrote, []

    def wrote(self, path, write):
        if len(writes) == 3:
            (out / "a.xml").write_text(USERS_SAVE)  # the window's Ctrl+S lands now, then Ctrl+C
            raise KeyboardInterrupt
        writes.append(path.name)
        return real(self, path, write)

    monkeypatch.setattr(written_module.Written, "wrote", wrote)
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out, "--overwrite")
    assert code == 130, err
    assert writes[0] == "a.xml"  # replaced by the run before the save
    assert (out / "a.xml").read_text() == USERS_SAVE
    [line] = [line for line in err.splitlines() if "the conversion had written" in line]
    assert (f"the 2 files it had replaced were put back as they were; 1 file changed since the conversion wrote it "
            f"({out / 'a.xml'}): left as it is") in line, line
