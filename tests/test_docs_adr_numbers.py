"""Each decision record has a number of its own, and every citation of one names a record that exists.

"ADR 0007" must point at one file: two records with one number made every
citation of it ambiguous (the training data pipeline and the YOLO/COCO one).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADRS = sorted((ROOT / "docs" / "adr").glob("[0-9][0-9][0-9][0-9]-*.md"))
CITING = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "benchmarks").rglob("*.md"),
          *(ROOT / "petloc_gui").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py"),
          *(ROOT / "scripts").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]


def test_no_two_decision_records_share_a_number():
    numbers = Counter(adr.name[:4] for adr in ADRS)
    assert ADRS and not [number for number, count in numbers.items() if count > 1], numbers


def test_each_record_is_titled_with_its_file_number():
    for adr in ADRS:
        title = adr.read_text().splitlines()[0]
        assert title.startswith(f"# ADR {adr.name[:4]}:"), (adr.name, title)


def test_every_cited_record_exists():
    names = {adr.name for adr in ADRS}
    numbers = {adr.name[:4] for adr in ADRS}
    for path in CITING:
        if "_resources" in path.parts or "__pycache__" in path.parts:
            continue
        text = path.read_text(errors="replace")
        for cited in re.findall(r"docs/adr/([0-9]{4}-[\w-]+\.md)", text):
            assert cited in names, f"{path.relative_to(ROOT)} cites docs/adr/{cited}, which does not exist"
        for number in re.findall(r"\bADRs? ([0-9]{4})\b", text):
            assert number in numbers, f"{path.relative_to(ROOT)} cites ADR {number}, which does not exist"
