"""`petloc convert --to` failing part way into a new OUT said "removed what the conversion had written" even when
part of it could not be removed (the removal's errors were ignored), and the same command, run again, was then
refused OUT as not empty. It says what is left now (`unfinished.OutputBefore`, shared with the window)."""

from __future__ import annotations

from tests.cli.helpers import convert_failing_part_way


def test_a_new_out_that_cannot_all_be_removed_is_said_to_be_left(small_voc, tmp_path, monkeypatch, capsys):
    out = tmp_path / "new" / "coco"
    err = convert_failing_part_way(capsys, monkeypatch, small_voc, out)
    assert "removed what the conversion had written" not in err
    assert f"{out}: what the conversion had written could not all be removed" in err
    assert out.is_dir()
