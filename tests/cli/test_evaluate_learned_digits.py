"""`petloc evaluate` on canvases of MNIST digits the model learned (`petloc digits --split train`):
other bytes than any training image, so not "trained on" by hash, yet the model has seen each digit."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.digits_record import record_digits
from tests.cli.helpers import RED, assert_clean_errors, bundle_with_meta, last_json, run_cli, voc_xml, write_image

W, H = 64, 32


def _canvases(folder, digits):
    """Red canvases annotated "cat", recorded as holding ``digits`` [(split, index)] (petloc digits's record)."""
    folder.mkdir()
    entries = {}
    for n, (split, index) in enumerate(digits):
        image = write_image(folder / f"{split}_{n:05d}.png", W, H, RED)
        (folder / f"{split}_{n:05d}.xml").write_text(voc_xml(image.name, W, H, [("cat", (16, 16, 48, 28))]),
                                                     encoding="utf-8")
        entries[image.name] = (split, index, image.read_bytes())
    record_digits(folder, entries)
    return folder


def _model(tiny_bundle, tmp_path):
    # trained on other canvases (no image of the folder by its bytes) holding training digits 3 and 7
    return bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere/a.png"], "validation": [], "test": []},
                            images={"elsewhere/a.png": {"sha256": "0" * 64}},
                            training_data={"mnist_digits": {"train": [3, 7]}})


def test_canvases_of_learned_digits_are_counted_said_and_the_record_is_not_complete(tiny_bundle, tmp_path, capsys):
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 7), ("train", 9), ("test", 3)])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 4 and report["accuracy"] == 1.0  # the figures stay what they are
    assert report["n_trained_on"] == 0  # no image's bytes are a training image's
    assert report["n_learned_digits"] == 2  # train 3 and 7; train 9 and test 3 it never learned
    assert report["trained_on_record"].startswith("incomplete: 2 evaluated images hold MNIST digits the model "
                                                  "learned on other canvases")
    assert assert_clean_errors(err) == [
        "petloc: 2 of these 4 evaluated images hold MNIST digits that this model, or one it was fine-tuned from, "
        "learned on other canvases (the digits of petloc digits --split train), so these figures on them are "
        "optimistic (for held-out figures, evaluate a folder made by petloc digits DIR --split test)"]

    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path / "b"))
    assert code == 0
    assert "4 evaluated, 2 hold MNIST digits it learned; 0 skipped" in out


def test_held_out_digits_and_replaced_images_not_named_as_canvases_are_not_counted(tiny_bundle, tmp_path, capsys):
    folder = _canvases(tmp_path / "digits-test", [("test", 3), ("train", 7)])
    # train_00001.png is another picture now, under a name petloc digits never gives (`is_canvas_name`): it
    # holds no digit the record can vouch for, nor any canvas. One under a canvas's name may be another
    # canvas, of any digit: untold, never held out (tests/cli/test_evaluate_merged_canvases.py)
    write_image(folder / "train_00001.png", W, H, (200, 30, 30))
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", _model(tiny_bundle, tmp_path), "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_learned_digits"] == 0 and report["trained_on_record"] == "complete"
    assert assert_clean_errors(err) == []


def _stored_version(name, parent, **meta):
    """A version in the model store, fine-tuned from ``parent``, with no record of the digits it learned."""
    import json

    from petloc_gui.model.versions import VersionStore

    folder = VersionStore().root / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["cat"], "input_size": [75, 75],
        "version_id": name, "parent": parent, "splits": {"train": [], "validation": [], "test": []}, "images": {},
        **meta}))
    return folder


def test_a_model_two_fine_tunes_from_the_bundled_digits_model_learned_its_digits_too(tiny_bundle, tmp_path, capsys):
    """Before: only the model's own record and a direct child of "digits" were read, so this grandchild's
    figures read "complete" with no learned digit, where the retrain comparison hedges them."""
    _stored_version("20261201-120000-aaaa", "digits")
    model = bundle_with_meta(tiny_bundle, tmp_path, parent="20261201-120000-aaaa",
                             splits={"train": [], "validation": [], "test": []}, images={})
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 7), ("test", 3)])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_learned_digits"] == 2
    assert report["trained_on_record"].startswith("incomplete: 2 evaluated images hold MNIST digits")
    assert assert_clean_errors(err) == [
        "petloc: 2 of these 3 evaluated images hold MNIST digits that this model, or one it was fine-tuned from, "
        "learned, or chose its epoch with, on other canvases (the digits of petloc digits --split train), so these "
        "figures on them are optimistic (for held-out figures, evaluate a folder made by petloc digits DIR "
        "--split test)"]


def test_the_warning_names_the_split_learned_and_suggests_only_a_split_never_learned(tiny_bundle, tmp_path, capsys):
    """Before: it always named --split train and advised --split test, the very split this model learned."""
    folder = _canvases(tmp_path / "digits-test", [("test", 3), ("test", 4)])
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": [], "validation": [], "test": []}, images={},
                             training_data={"mnist_digits": {"test": "all"}})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert last_json(out)["n_learned_digits"] == 2
    assert assert_clean_errors(err) == [
        "petloc: 2 of these 2 evaluated images hold MNIST digits that this model, or one it was fine-tuned from, "
        "learned, or chose its epoch with, on other canvases (the digits of petloc digits --split test), so these "
        "figures on them are optimistic (for held-out figures, evaluate a folder made by petloc digits DIR "
        "--split train)"]

    # it learned digits of both splits: no folder of petloc digits is held out for it
    model = bundle_with_meta(tiny_bundle, tmp_path / "b", splits={"train": [], "validation": [], "test": []},
                             images={}, training_data={"mnist_digits": {"test": [3], "train": [0]}})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert assert_clean_errors(err) == [
        "petloc: 1 of these 2 evaluated images holds an MNIST digit that this model, or one it was fine-tuned from, "
        "learned on other canvases (the digits of petloc digits --split test), so these figures on it are "
        "optimistic (every split of petloc digits holds digits it learned: no folder of petloc digits gives "
        "held-out figures for it)"]


def test_the_chain_of_parents_is_read_once_for_both_counts(tiny_bundle, tmp_path, capsys, monkeypatch):
    # trained_on_count and learned_digit_count each followed it: every parent's meta.json (the bundled digits
    # one is ~1 MB) was read twice
    from petloc_gui.model import parent_chain

    reads = []
    parent_chain._ANCESTORS.clear()  # none read by an earlier test
    read = parent_chain.read_meta
    monkeypatch.setattr(parent_chain, "read_meta", lambda folder: reads.append(Path(folder).name) or read(folder))
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("test", 3)])
    model = bundle_with_meta(tiny_bundle, tmp_path, parent="digits", training_data={},
                             splits={"train": ["elsewhere/a.png"], "validation": [], "test": []},
                             images={"elsewhere/a.png": {"sha256": "0" * 64}})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert reads == ["digits"]
    assert last_json(out)["n_learned_digits"] == 1  # the bundled digits model, its parent, learned train 3


def test_a_canvas_the_model_trained_on_is_counted_once_as_trained_on_not_again_as_a_learned_digit(
        tiny_bundle, tmp_path, capsys):
    """Before: a model's own training canvases (the same bytes) were counted in n_trained_on and again in
    n_learned_digits, and the record read "incomplete: ... not counted in n_trained_on" though they were."""
    from petloc_gui.model.bundle import file_sha256

    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 7), ("train", 9)])
    for n, shade in enumerate((20, 60, 100)):  # other bytes each: only the canvases trained on match by hash
        write_image(folder / f"train_{n:05d}.png", W, H, (220, shade, 20))
    record_digits(folder, {f"train_{n:05d}.png": ("train", index, (folder / f"train_{n:05d}.png").read_bytes())
                           for n, index in enumerate((3, 7, 9))})
    trained = {f"run/train_{n:05d}.png": {"sha256": file_sha256(folder / f"train_{n:05d}.png")} for n in (0, 1)}
    model = bundle_with_meta(tiny_bundle, tmp_path, images=trained,
                             splits={"train": sorted(trained), "validation": [], "test": []},
                             training_data={"mnist_digits": {"train": [3, 7, 9]}})  # 9 on a canvas not here
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_trained_on"] == 2 and report["n_learned_digits"] == 1  # 3 images: 2 + 1, none twice
    assert report["trained_on_record"] == ("incomplete: 1 evaluated image holds an MNIST digit the model learned "
                                           "on other canvases (n_learned_digits), not counted in n_trained_on")
    assert assert_clean_errors(err) == [
        "petloc: 2 of these 3 evaluated images are training images of this model or of one it was fine-tuned "
        "from (2 by identical bytes): these figures include training images (use --split validation on its "
        "training folder, or a folder it never trained on, for held-out figures)",
        "petloc: 1 of these 3 evaluated images holds an MNIST digit that this model, or one it was fine-tuned "
        "from, learned on other canvases (the digits of petloc digits --split train), so these figures on it "
        "are optimistic (for held-out figures, evaluate a folder made by petloc digits DIR --split test)"]

    # only its own training canvases: each counted once, and the count is complete
    (folder / "train_00002.png").unlink()
    (folder / "train_00002.xml").unlink()
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert (report["n_trained_on"], report["n_learned_digits"], report["trained_on_record"]) == (2, 0, "complete")
    assert len(assert_clean_errors(err)) == 1


def test_the_record_says_a_whole_split_was_learned_or_chose_the_epoch_as_stderr_does(tiny_bundle, tmp_path, capsys):
    """Before: the record said the model "learned" digits of a split it only knows whole (the bundled digits
    model learned 3,801 of its train digits; the other 199 chose its epoch), where stderr hedged both."""
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("test", 3)])
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": [], "validation": [], "test": []}, images={},
                             training_data={"mnist_digits": {"train": "all"}})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_learned_digits"] == 1
    assert report["trained_on_record"] == (
        "incomplete: 1 evaluated image holds an MNIST digit the model learned, or chose its epoch with, on other "
        "canvases (n_learned_digits), not counted in n_trained_on")
    assert "learned, or chose its epoch with, on other canvases" in assert_clean_errors(err)[0]
