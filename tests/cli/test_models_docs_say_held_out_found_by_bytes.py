"""`petloc models --help` and docs/cli.md say how the listing finds the held-out images in a folder that uses a
version, as it now finds them (by their recorded bytes anywhere in the folder), and name `reboxed_unannotated` and
its line. They said "a copy under other names is not they" and "only those images and their annotations are read",
and named neither the key nor the "has no annotation in <folder>" line."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.cmd_models import EPILOG
from petloc_gui.cli.models_caveats import REBOXED_KEYS, _unannotated_line

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _models_section() -> str:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("\n## `petloc models")
    return " ".join(text[start:text.index("\n## ", start + 1)].split())


def test_the_help_names_every_key_and_how_the_images_are_found():
    said = " ".join(EPILOG.split())
    for key in REBOXED_KEYS:
        assert key in said, key
    assert "found by their recorded bytes, at their recorded paths or as copies under other names" in said
    assert "have no annotation there, never counted re-boxed (--json: reboxed_unannotated)" in said


def test_the_docs_say_copies_are_found_and_name_the_unannotated_key_and_line():
    section = _models_section()
    assert "a copy under other names is not they" not in section
    assert "only those images and their annotations are read" not in section
    assert "by their recorded bytes anywhere in the folder" in section
    assert "those of a held-out image's recorded size are read" in section
    assert "`reboxed_unannotated` how many of those have no annotation there" in section
    assert "all five are `null` when it is not known" in section and len(REBOXED_KEYS) == 5
    line = _unannotated_line("digits/<id>", 2, 20, "/data/flat", "validation")
    assert f"`{line}`" in section, line
