"""Boxes accepted from a model the scored model descends from beyond its parent (its parent's parent, ...) are
told as an ancestor's, whose boxes flatter it, in train, evaluate and the comparison alike
(`core.accepted_boxes.relation` with `model.model_ancestry.ancestry_of`, ADR 0013).

Before, only the parent was looked at: in the loop digits -> V1 -> V2 (`--init-from digits/V1`), V2's warning
said its validation images holding digits' boxes "measure agreement with that model's boxes, not a person's"
(relation "other"), though V1 trained on those boxes and V2's weights descend from digits'. A chain that
cannot be followed to its end is said to be one, not taken for another model's boxes.
"""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.core.accepted_boxes import ANCESTOR, OTHER, OWN, PARENT, UNKNOWN, AcceptedModels, Ancestry, relation
from petloc_gui.model.comparison_accepted import accepted_in
from petloc_gui.model.data import NONE_ACCEPTED, Sample
from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.training_accepted import accepted_record
from petloc_gui.model.training_data import Item

GRANDPARENT, PARENT_MARK = "model digits (digits-0)", "model digits (digits-1)"
V2 = {"version_id": "digits-2", "parent": "digits-1", "parent_version_id": "digits-1"}


def store_chain(user_data: Path, *versions: tuple[str, str | None]) -> None:
    """Versions in the model store, each (version id, parent's version id or None): meta.json files only, as
    `petloc train --init-from` writes their lineage (``parent``, ``parent_version_id``)."""
    for version, parent in versions:
        folder = user_data / "models" / "digits" / version
        folder.mkdir(parents=True)
        (folder / "meta.json").write_text(json.dumps({"version_id": version, "preset": "digits", "parent": parent,
                                                      "parent_version_id": parent}), encoding="utf-8")


def test_two_fine_tunes_make_the_first_model_an_ancestor(_isolated_user_data):
    store_chain(_isolated_user_data, ("digits-0", None), ("digits-1", "digits-0"))
    ancestry = ancestry_of(V2)
    assert ancestry == Ancestry((("digits-0", "digits-0"),))
    assert relation(GRANDPARENT, V2, "digits-2", ancestry=ancestry) == ANCESTOR
    assert relation(PARENT_MARK, V2, "digits-2", ancestry=ancestry) == PARENT
    assert relation("model digits (digits-2)", V2, "digits-2", ancestry=ancestry) == OWN
    assert relation("model pets (pets-5)", V2, "digits-2", ancestry=ancestry) == OTHER  # the chain ends: other
    assert relation(GRANDPARENT, V2, "digits-2") == OTHER  # (not looked up: as before)


def test_a_bundled_grandparent_named_by_name_is_an_ancestor(_isolated_user_data):
    # V1 fine-tuned from the bundled digits model, which records no parent: the window's mark names it "digits"
    store_chain(_isolated_user_data, ("digits-1", "digits"))
    ancestry = ancestry_of(V2)
    assert not ancestry.missing and ancestry.models[0][0] == "digits"
    assert relation("model digits", V2, "digits-2", ancestry=ancestry) == ANCESTOR


def test_a_chain_that_cannot_be_followed_is_said_so_not_taken_for_another_model(_isolated_user_data):
    # the parent is gone: what it descends from cannot be told
    ancestry = ancestry_of(V2)
    assert ancestry.missing == "the chain of models it was fine-tuned from breaks at digits-1, which is not found"
    assert relation(GRANDPARENT, V2, "digits-2", ancestry=ancestry) == UNKNOWN
    assert relation(PARENT_MARK, V2, "digits-2", ancestry=ancestry) == PARENT  # its own meta.json names it
    # the grandparent is gone, the parent names it: its boxes are an ancestor's, a third model's unknown
    store_chain(_isolated_user_data, ("digits-1", "digits-0"))
    ancestry = ancestry_of(V2)
    assert ancestry.models == (("digits-0", "digits-0"),) and "breaks at digits-0" in ancestry.missing
    assert relation(GRANDPARENT, V2, "digits-2", ancestry=ancestry) == ANCESTOR
    assert relation("model pets (pets-5)", V2, "digits-2", ancestry=ancestry) == UNKNOWN


def test_a_loop_of_parents_ends(_isolated_user_data):
    store_chain(_isolated_user_data, ("digits-0", "digits-1"), ("digits-1", "digits-0"))
    ancestry = ancestry_of(V2)
    assert "loops at digits-1" in ancestry.missing


def test_a_long_chain_is_not_said_to_loop(_isolated_user_data, monkeypatch):
    """A window's loop of annotate, retrain, use fine-tunes each version from the last: after 32 runs the walk
    said the chain "loops" and the first model's boxes became "unknown"."""
    store_chain(_isolated_user_data, *((f"digits-{i}", f"digits-{i - 1}" if i else None) for i in range(60)))
    ancestry = ancestry_of({"version_id": "digits-60", "parent": "digits-59"})
    assert not ancestry.missing and len(ancestry.models) == 59
    assert relation("model digits (digits-0)", {"version_id": "digits-60", "parent": "digits-59"}, "digits-60",
                    ancestry=ancestry) == ANCESTOR


def _sample(relpath: str, accepted: AcceptedModels = NONE_ACCEPTED) -> Sample:
    return Sample(Path(relpath), relpath, Path(relpath).with_suffix(".xml"), (0, 0, 10, 10), "a", accepted=accepted)


SAMPLES = [_sample("drawn.png"), *(_sample(f"g{i}.png", AcceptedModels({GRANDPARENT}, {GRANDPARENT}))
                                   for i in range(3))]
FLATTER = ("3 of the 4 scored validation images have boxes accepted unchanged from model digits (digits-0), which "
           "the new model descends from through the model it was fine-tuned from: its figures on them flatter it")


def test_train_records_an_ancestor_s_boxes_as_flattering_it(_isolated_user_data):
    store_chain(_isolated_user_data, ("digits-0", None), ("digits-1", "digits-0"))

    def score(items, subset):
        return {"accuracy": 1.0, "mean_iou": 0.7, "iou_ge_50": 1.0, "iou_ge_75": 0.0}

    record = accepted_record([Item(s, (20, 20), (0.0, 0.0, 0.5, 0.5)) for s in SAMPLES], V2, score)
    assert record["relation"] == {GRANDPARENT: ANCESTOR}
    assert (record["own"], record["parent"], record["ancestor"]) == (0, 0, 3)
    assert record["warning"].startswith(FLATTER + ";")


def test_the_comparison_says_the_same_of_the_current_model(_isolated_user_data):
    store_chain(_isolated_user_data, ("digits-0", None), ("digits-1", "digits-0"))
    found = accepted_in(SAMPLES, V2, "digits-2")
    assert found.relations == {GRANDPARENT: ANCESTOR}
    assert found.hedges[0][0].startswith(
        "3 of the 4 validation images have boxes accepted unchanged from model digits (digits-0), which the current "
        "model descends from through the model it was fine-tuned from: its figures on them flatter it")
    assert "descends from through the model it was fine-tuned from: figures on them measure agreement with that " \
           "model's boxes" in found.unscored_hedges[0][0]


def test_train_says_when_the_chain_is_broken(_isolated_user_data):
    found = accepted_in(SAMPLES, V2, "digits-2", "the new model", "scored validation images")
    assert found.relations == {GRANDPARENT: UNKNOWN}
    assert found.hedges[0][0].startswith(
        "3 of the 4 scored validation images have boxes accepted unchanged from model digits (digits-0), which the "
        "new model may descend from (the chain of models it was fine-tuned from breaks at digits-1, which is not "
        "found): figures on them measure agreement with that model's boxes, not a person's, and may flatter it")


def test_one_walk_of_the_chain_serves_the_records_and_the_relations(_isolated_user_data, monkeypatch):
    """The retrain comparison walked the chain twice (`ancestors_of` for the images the models trained on,
    `ancestry_of` for the accepted boxes), reading every ancestor's meta.json (~1 MB for digits) each time."""
    from petloc_gui.model import parent_chain, training_record

    store_chain(_isolated_user_data, ("digits-0", None), ("digits-1", "digits-0"))
    reads: list[str] = []
    parent_chain._ANCESTORS.clear()  # none read by an earlier test
    read = parent_chain.read_meta
    monkeypatch.setattr(parent_chain, "read_meta", lambda folder: reads.append(Path(folder).name) or read(folder))
    chain = training_record.parent_chain(V2)
    assert reads == ["digits-1", "digits-0"]
    lineage = training_record.ancestors_of(V2, chain)
    assert ancestry_of(V2, chain) == Ancestry((("digits-0", "digits-0"),))
    assert reads == ["digits-1", "digits-0"] and len(lineage.records) == 2 and not lineage.missing
