"""The assisted-annotation speed-ups the README quotes are the ones benchmarks/README.md heads as current.

benchmarks/README.md headed its 2026-12-01 block "Current figures" (run=pets 3.26x)
while the README quoted a later run=pets (5.16x) further down the same section.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BENCHMARKS = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
SECTION = BENCHMARKS.split("## Assisted annotation", 1)[1].split("\n## ", 1)[0]


def quoted_speedups() -> dict[str, str]:
    """README's table: the row starting from no model is run=zero, the bundled pets model's run=pets."""
    rows = {}
    for line in README.splitlines():
        found = re.search(r"\*\*([\d.]+)x faster\*\*", line)
        if found and line.startswith("| no model"):
            rows["zero"] = found.group(1)
        elif found and line.startswith("| the bundled pets model"):
            rows["pets"] = found.group(1)
    return rows


def test_the_readme_quotes_both_runs():
    assert set(quoted_speedups()) == {"pets", "zero"}


@pytest.mark.parametrize("run", ["pets", "zero"])
def test_the_figures_headed_current_are_the_readme_s(run):
    headings = [m for m in re.finditer(r"\*\*Current ([^*]*)\*\*", SECTION) if f"run={run} figures" in m.group(1)]
    assert len(headings) == 1, f"benchmarks/README.md heads {len(headings)} blocks as current for run={run}"
    assert "Current figures**" not in SECTION, "a block headed current for both runs"
    after = SECTION[headings[0].end():]
    first = re.search(rf"run={run}\b[^\n]*speedup=([\d.]+)|\*\*([\d.]+)x\*\*", after)
    assert first, f"no speed-up after the current run={run} heading"
    assert (first.group(1) or first.group(2)) == quoted_speedups()[run]
