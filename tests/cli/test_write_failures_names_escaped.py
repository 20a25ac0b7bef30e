"""`WriteFailures.lines` names the pre-labels it could not write escaped where the line is built (a name
with a newline, a tab or a no-break space), the reason as given: `petloc predict` passes the lines on as
they are, instead of escaping them whole after the fact."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.prelabel_folders import WriteFailures


def test_names_are_escaped_where_the_line_is_built():
    failures = WriteFailures()
    failures.add(Path("/d/one\nfile.xml"), "disk full")
    for name in ("a\xa0b.xml", "c\td.xml"):
        failures.add(Path("/e\xa0f") / name, "permission denied")
    assert failures.lines() == ["/d/one\\x0afile.xml: pre-label not written: disk full",
                                "/e\\xa0f: 2 pre-labels not written (a\\xa0b.xml, c\\x09d.xml): permission denied"]


def test_plain_names_read_as_before():
    failures = WriteFailures()
    failures.add(Path("/d/x.xml"), "disk full")
    failures.add(Path("/e/y.xml"), "read-only file system")
    failures.add(Path("/e/z.xml"), "read-only file system")
    assert failures.lines() == ["/d/x.xml: pre-label not written: disk full",
                                "/e: 2 pre-labels not written (y.xml, z.xml): read-only file system"]
