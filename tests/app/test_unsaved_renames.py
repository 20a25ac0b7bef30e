"""`UnsavedRenames` follows the images a rename relabelled, not any box holding its new name."""

from __future__ import annotations

from petloc_gui.app.unsaved_renames import UnsavedRenames


def _renames(rows, old="cat", new="kitten"):
    renames = UnsavedRenames()
    renames.add(old, new, [], rows)
    return renames


def test_shown_while_some_relabelled_image_holds_it_and_none_the_old_name():
    labels = {0: {"kitten"}, 1: {"kitten"}, 2: {"dog"}}
    renames = _renames([0, 1])
    assert renames.shown(["cat", "dog"], labels.__getitem__) == ["kitten", "dog"]
    labels[1] = {"cat"}  # undone on one image
    assert renames.shown(["cat", "dog"], labels.__getitem__) == ["cat", "dog"]
    labels.update({0: {"cat"}, 2: {"kitten"}})  # undone everywhere, typed on another image
    assert renames.shown(["cat", "dog"], labels.__getitem__) == ["cat", "dog"]


def test_a_merge_undone_is_not_shown():
    labels = {0: {"cat", "dog"}, 1: {"dog"}}
    renames = _renames([0], new="dog")
    assert renames.shown(["cat", "dog"], labels.__getitem__) == ["cat", "dog"]
    labels[0] = {"dog"}
    assert renames.shown(["cat", "dog"], labels.__getitem__) == ["dog"]


def test_a_chain_in_effect_is_shown_through():
    labels = {0: {"feline"}}
    renames = _renames([0])
    renames.add("kitten", "feline", [], [0])
    assert renames.shown(["cat", "dog"], labels.__getitem__) == ["feline", "dog"]


def test_due_once_every_relabelled_image_is_saved():
    labels = {0: {"kitten"}, 1: {"kitten"}}
    dirty = {0: True, 1: True}
    renames = _renames([0, 1])
    dirty[0] = False
    assert renames.due(0, labels.__getitem__, dirty.__getitem__) == []
    dirty[1] = False
    assert [r.new for r in renames.due(1, labels.__getitem__, dirty.__getitem__)] == ["kitten"]
    assert not renames


def test_not_due_saved_on_one_undone_on_the_other():
    labels, dirty = {0: {"kitten"}, 1: {"cat"}}, {0: False, 1: False}
    renames = _renames([0, 1])
    assert renames.due(0, labels.__getitem__, dirty.__getitem__) == []
    assert renames  # a redo saved writes it still


def test_not_due_by_an_image_it_did_not_relabel():
    labels, dirty = {0: {"kitten"}, 1: {"kitten"}}, {0: False, 1: False}
    renames = _renames([0])
    assert renames.due(1, labels.__getitem__, dirty.__getitem__) == []


def test_saving_every_image_in_order_looks_at_each_about_once():
    count = 10_000
    dirty = dict.fromkeys(range(count), True)
    looks = [0]

    def is_dirty(row):
        looks[0] += 1
        return dirty[row]

    renames = _renames(list(range(count)))
    for row in range(count):
        dirty[row] = False
        renames.due(row, lambda _row: {"kitten"}, is_dirty)
    assert not renames
    assert looks[0] < 3 * count
