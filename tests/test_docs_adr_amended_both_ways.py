"""A decision record that amends or supersedes another is named in the one it changes: ADR 0013 said it
amended ADR 0007's "validation must score against boxes a person drew or accepted", and ADR 0007 still
said so without a word, so a reader of 0007 alone took accepted boxes for a person's."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADRS = {adr.name[:4]: adr for adr in sorted((ROOT / "docs" / "adr").glob("[0-9][0-9][0-9][0-9]-*.md"))}


def _changed_by(text: str) -> list[str]:
    """The records the status paragraph (up to the first blank line) says this one amends or supersedes."""
    status = text.split("\n\n", 2)[1] if text.count("\n\n") >= 2 else ""
    status = " ".join(status.split())
    found: list[str] = []
    for clause in re.findall(r"\b(?:Amends|Supersedes)\b(.*?)(?:\.\s|$)", status):
        found += re.findall(r"\bADR ([0-9]{4})\b", clause)
    return found


def test_the_status_names_what_it_changes():
    assert _changed_by(ADRS["0013"].read_text(encoding="utf-8")) == ["0005", "0007"]


def test_each_record_changed_names_the_record_that_changed_it():
    for number, adr in ADRS.items():
        for changed in _changed_by(adr.read_text(encoding="utf-8")):
            assert changed in ADRS, f"ADR {number} changes ADR {changed}, which does not exist"
            assert re.search(rf"\bADR {number}\b", ADRS[changed].read_text(encoding="utf-8")), (
                f"ADR {number} amends or supersedes ADR {changed}, which does not say so (add an amendment note)")
