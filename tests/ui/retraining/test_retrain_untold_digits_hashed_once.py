"""The Retrain dialog's preview tells the canvases whose `petloc digits` record cannot tell their digit by their
bytes, as the run does (`ui.training.retrain_preview_digits.untold_digits`), for a run from scratch and for a
fine-tune (one folder's images). Each of those two walks hashed every canvas again, though the fine-tune's read
of the folder, or the search for byte copies, had hashed it already: a fine-tune of the demo's 170 canvases
hashed each three times. The preview's walks share one dict of hashes, seeded with those read: each canvas is
hashed once in one preview, the answers as they were."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model import bundle
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for


@pytest.fixture
def hashed(monkeypatch) -> Counter[str]:
    """Every file the code hashes (`model.bundle.file_sha256`), by name, how many times."""
    read: Counter[str] = Counter()
    real_digest = bundle.file_sha256

    def digest(path):
        read[Path(path).name] += 1
        return real_digest(path)

    monkeypatch.setattr(bundle, "file_sha256", digest)
    return read


def test_a_fine_tune_of_the_digits_model_hashes_each_canvas_once(tmp_path, hashed):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "test", count=6, seed=3)
    preview = holdout_preview_for(folder, parent_spec="digits")
    assert preview is not None
    canvases = sorted(path.name for path in folder.glob("*.png"))
    # both runs' counts worked out: the bundled model was tested on every canvas
    assert (preview(0.2, False).seen_tested, preview(0.2, True).seen_tested) == (6, 6)
    assert {name: n for name, n in hashed.items() if name.endswith(".png")} == dict.fromkeys(canvases, 1)


def test_a_run_from_scratch_hashes_a_byte_copy_once(tmp_path, hashed):
    """With no model, the search for byte copies hashes the same-size images, and the untold walk reused none."""
    folder = tmp_path / "dg"
    first = write_digits_dataset(folder, "test", count=4, seed=3)[0]
    shutil.copyfile(first, folder / "copy.png")  # a canvas renamed: its record knows it by its bytes
    shutil.copyfile(first.with_suffix(".xml"), folder / "copy.xml")
    preview = holdout_preview_for(folder)
    assert preview is not None
    assert preview(0.2, False).digits_notes == ()  # the copy's digit told by its bytes
    assert hashed[first.name] == hashed["copy.png"] == 1
