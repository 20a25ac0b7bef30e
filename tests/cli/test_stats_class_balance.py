"""`petloc stats`: the class balance lines up whatever the class names (long, wide characters, an
escaped control character) and lists them in natural order, as the rest of petloc lists names."""

from __future__ import annotations

from petloc_gui.core.text import columns, display_width, table
from tests.cli.helpers import run_cli, write_annotated

NAMES = ("class10", "class2", "a-class-name-longer-than-the-old-twenty-four-columns", "猫と犬のクラス", "tab\there")


def _balance(out: str) -> list[str]:
    lines = out.splitlines()
    start = lines.index("class balance (first object per image; all objects in brackets)") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("  "))
    return lines[start:end]


def test_the_class_balance_lines_up_and_is_in_natural_order(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    for index, name in enumerate(NAMES):
        write_annotated(folder, f"img{index}", 40, 30, [(name, (5, 5, 20, 20))])
    code, out, _ = run_cli(capsys, "stats", folder)
    rows = _balance(out)
    assert code == 0 and len(rows) == len(NAMES)
    shown = ["a-class-name-longer-than-the-old-twenty-four-columns", "class2", "class10", "tab\\x09here",
             "猫と犬のクラス"]
    assert [row.split()[0] for row in rows] == shown

    def column(line: str, text: str) -> int:  # where `text` ends, in terminal columns
        return display_width(line[: line.index(text) + len(text)])

    assert len({column(row, " 1 ") for row in rows}) == 1  # the count column, aligned right
    assert len({column(row, "20.0%") for row in rows}) == 1
    assert len({column(row, "(1)") for row in rows}) == 1


def test_columns_measure_cells_as_a_terminal_shows_them():
    lines = columns([("猫", 1, "x"), ("new\nline", 22, "y")], right=(1,))
    assert lines == ["猫" + " " * 9 + "   1  x", "new\\x0aline  22  y"]  # 猫 takes 2 of the 11 columns
    assert display_width("猫と") == 4 and display_width("e\u0301") == 1
    assert table(("name", "n"), [("a", 1)], right=(1,)) == ["name  n", "a     1"]
    assert columns([]) == []


def test_a_wide_character_takes_two_columns_of_a_table():
    # the commands' tables (petloc models, evaluate, stats) are core.text.table
    assert table(("name", "n"), [("猫", 10)], right=(1,)) == ["name   n", "猫    10"]
    assert display_width("猫") == 2
