"""A name holding U+2028 or U+2029 (the line and paragraph separators) went raw into `--json` lines: JSON allows
them, but Python's str.splitlines() (how a script reads `subprocess.run(..., text=True).stdout`) splits at them,
so one record became two or three pieces, none of them JSON (docs/cli.md: a result "stays one line"). They are
escaped as \\u2028 / \\u2029 now, which decode to the same name."""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.text import json_safe
from tests.cli.helpers import run_cli, write_annotated


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_json_safe_escapes_the_separators(separator):
    text = json.dumps({"image": f"a{separator}b.png"}, ensure_ascii=False)
    safe = json_safe(text)
    assert separator not in safe and len(safe.splitlines()) == 1
    assert json.loads(safe) == {"image": f"a{separator}b.png"}


def test_stats_json_stays_one_line_per_record(tmp_path, capsys):
    folder = tmp_path / "d"
    folder.mkdir()
    write_annotated(folder, "a\u2028b", 40, 30, [("cat\u2029dog", (1, 2, 30, 25))])
    code, out, err = run_cli(capsys, "stats", folder, "--json")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == out.count("\n"), out
    records = [json.loads(line) for line in lines]
    assert "cat\u2029dog" in json.dumps(records, ensure_ascii=False)
