"""`petloc predict --model digits/<id> --write-voc` marked its pre-labels "model <id> (<id>)": the
version id printed twice, and so in every accepted-box mark, warning and `accepted_from` key after it.
The mark names a model as accepted boxes' marks do (`core.voc_provenance.model_phrase`)."""

from __future__ import annotations

from petloc_gui.cli.prelabel import prelabel_mark
from petloc_gui.core.voc import PRELABEL_PREFIX
from petloc_gui.core.voc_provenance import model_of_prelabel


def test_a_stored_version_given_by_its_id_is_named_once():
    version = "digits-20261205T034022Z-c87f46"
    mark = prelabel_mark(f"/store/digits/{version}", {"version_id": version})
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model digits-20261205T034022Z-c87f46"
    assert model_of_prelabel(mark) == "model digits-20261205T034022Z-c87f46"


def test_a_bundled_model_keeps_its_version_in_brackets():
    mark = prelabel_mark("digits", {"version_id": "digits-20261201T210854Z-280062"})
    assert mark == f"{PRELABEL_PREFIX} by petloc predict, model digits (digits-20261201T210854Z-280062)"
    assert prelabel_mark("pets", {}) == f"{PRELABEL_PREFIX} by petloc predict, model pets"
