"""`untold_warnings` writes each record as ``name`` gives it: `petloc evaluate` sets its records apart
(`isolated`) there, where it took the finished line apart by its start to do so (`cli.evaluate_digits`)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.text import isolated, visible
from petloc_gui.model.canvas_digits import untold_warnings


def test_each_record_is_written_as_name_gives_it_the_rest_as_before():
    records = [(Path("/data/תמונות: א"), "why", 1), (Path("/data/b"), "why", 2), (Path("/data/c"), "why", 1)]
    plain = untold_warnings(records, "evaluated", lambda how: "SO", "ANEW", "LISTED", shown=2)
    apart = untold_warnings(records, "evaluated", lambda how: "SO", "ANEW", "LISTED", shown=2, name=isolated)
    assert plain[0].startswith(f"{visible(records[0][0])}: why: ")
    assert apart[0].startswith(f"{isolated(records[0][0])}: why: ")
    for before, after, (record, _, _) in zip(plain, apart, records, strict=False):
        assert after.replace(isolated(record), visible(record), 1) == before
    assert apart[2] == plain[2]  # the line for the rest names no record
