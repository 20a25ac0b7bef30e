"""The window's trained-here check (`model.trained_here`) rewrote `petloc evaluate`'s matching loop (relpath, hash,
`Lineage.match`, a count of each kind) and the Dataset panel's words repeated the CLI's "N by identical bytes and M
by recorded path": two copies of one rule, free to drift. Both count with `training_record.count_matches` and say
how with `core.trained_on_words.how_matched`; checked on one real folder where both kinds of match occur."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from petloc_gui.app import trained_here_said
from petloc_gui.app.trained_here_said import status_message
from petloc_gui.cli.evaluate_trained_on import trained_on_count
from petloc_gui.core import trained_on_words
from petloc_gui.core.trained_on_words import how_matched
from petloc_gui.model import training_record
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.trained_here import check_trained_here
from petloc_gui.model.training_record import count_matches, lineage_of
from tests.model.trained_here_folders import bundle, training_folder

BOTH = "3 by identical bytes and 1 by recorded path"


def _model_with_a_training_image_without_hash(tmp_path: Path, source: Path) -> Path:
    model = bundle(tmp_path, source)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    del meta["images"]["cvat_3.png"]["sha256"]  # recorded by its path alone
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return model


def test_the_window_and_evaluate_count_and_say_by_one_function(tmp_path, monkeypatch, capsys):
    source = training_folder(tmp_path)
    model = _model_with_a_training_image_without_hash(tmp_path, source)
    counted: list[Counter[str]] = []
    real = training_record.count_matches
    monkeypatch.setattr(training_record, "count_matches",
                        lambda *args, **kwargs: counted.append(real(*args, **kwargs)) or counted[-1])
    words: list[str] = []

    def said(kinds):
        words.append(how_matched(kinds))
        return words[-1]

    monkeypatch.setattr(trained_on_words, "how_matched", said)  # the CLI's (imported as it runs)
    monkeypatch.setattr(trained_here_said, "how_matched", said)  # the window's
    images = sorted(source.glob("*.png"))
    matched: list[Path] = []
    count, _ = trained_on_count(images, read_meta(model), source, matched=matched)
    stderr = capsys.readouterr().err
    found = list(check_trained_here(model, source, [(str(image), "") for image in images], {}))[-1]
    assert counted == [Counter(content=3, path=1)] * 2  # each counted by it, alike
    assert count == found.count == 4 and (found.by_content, found.by_path) == (3, 1)
    assert matched == [source / name for name in ("cvat_0.png", "cvat_1.png", "cvat_2.png", "cvat_3.png")]
    assert f"({BOTH}): these figures include training images" in stderr
    assert f"({BOTH}): the list's IoU and Conf" in status_message(found, "pets-cvat")
    assert words == [BOTH, BOTH]  # each said by it


def test_count_matches_counts_each_kind_and_lists_what_it_counted(tmp_path):
    source = training_folder(tmp_path)
    lineage = lineage_of(read_meta(_model_with_a_training_image_without_hash(tmp_path, source)))
    hashes = {path.name: training_record.file_sha256(path) for path in sorted(source.glob("*.png"))}
    hashes["elsewhere.png"] = hashes.pop("cvat_0.png")  # a renamed copy: its bytes
    hashes["cvat_1.png"] = None  # unreadable now: by its recorded path
    del hashes["cvat_3.png"]  # left unread (of no training image's size): by its path, recorded without a hash
    matched: list[str] = []
    kinds = count_matches(lineage, hashes, other_bytes=["cvat_3.png", "new.png"], matched=matched)
    assert kinds == Counter(content=2, path=2)
    assert matched == ["cvat_1.png", "cvat_2.png", "elsewhere.png", "cvat_3.png"]
    assert how_matched(kinds) == "2 by identical bytes and 2 by recorded path"
    assert how_matched(Counter(path=2)) == "2 by recorded path" and how_matched({"content": 1, "path": 0}) == (
        "1 by identical bytes")
