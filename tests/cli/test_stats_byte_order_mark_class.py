"""`petloc stats` on a folder where one box's label is "\\ufeffcat" (a class list saved "with BOM" read before
its BOM was stripped) and another's "cat": the class balance listed "cat" twice, the BOM drawn as nothing.
The second is shown "\\ufeffcat" now: two classes, visibly two names."""

from __future__ import annotations

from tests.cli.helpers import run_cli, write_annotated


def test_a_label_holding_a_byte_order_mark_is_told_apart_from_the_plain_one(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(folder, "b", 40, 30, [("\ufeffcat", (5, 5, 20, 20))])
    code, out, err = run_cli(capsys, "stats", folder)
    assert code == 0, err
    lines = out.splitlines()
    start = lines.index("class balance (first object per image; all objects in brackets)") + 1
    names = [line.split()[0] for line in lines[start:start + 2]]
    assert sorted(names) == ["\\ufeffcat", "cat"], out
    assert "\ufeff" not in out
