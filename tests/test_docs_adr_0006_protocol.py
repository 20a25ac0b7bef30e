"""ADR 0006's Protocol names every event the training child writes to the window: it left out `notice`,
through which the window's log gets the run's warnings (since 923e1ee the incomplete-lineage one too)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
[ADR] = (ROOT / "docs" / "adr").glob("0006-*.md")
# the refiner's training (its "refine_done") runs in benchmarks/train_bundled_models.py only, never in the child
NOT_IN_THE_CHILD = {"refine_training.py"}


def _protocol() -> str:
    text = ADR.read_text(encoding="utf-8")
    return " ".join(text.split("- **Protocol.**", 1)[1].split("\n- **", 1)[0].split())


def _emitted() -> set[str]:
    kinds: set[str] = set()
    for module in (ROOT / "petloc_gui" / "model").glob("*.py"):
        if module.name not in NOT_IN_THE_CHILD:
            kinds |= set(re.findall(r'"event": ?"([a-z_]+)"', module.read_text(encoding="utf-8")))
    return kinds


def test_every_event_the_training_child_writes_is_in_the_protocol():
    kinds = _emitted()
    assert {"start", "notice", "epoch", "done", "comparison"} <= kinds  # the scan finds them
    protocol = _protocol()
    assert [kind for kind in sorted(kinds) if f"`{kind}`" not in protocol] == []


def test_the_notice_event_is_described_with_its_message_and_the_lineage_warning():
    protocol = _protocol()
    assert '`{"event": "notice", "message": …}` is a line for the window\'s log' in protocol
    assert "the record of the images the parent and its ancestors trained on incomplete" in protocol
