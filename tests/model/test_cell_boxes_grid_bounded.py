"""A stranger's model.keras whose config.json gives its ``CellBoxes`` layer "rows": 20000, "cols": 20000 made
`networks.CellBoxes.__init__` allocate each cell's centre (16 bytes a cell: 6.4 GB) before any shape was
checked: 3.7 GB taken before an 8 GB cap stopped the load. A grid past `MAX_CELLS` (far above any preset's:
pets' is 14x14) is refused at once, naming the layer, and the load says so."""

from __future__ import annotations

import json
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle import BundleError, load_bundle
from petloc_gui.model.networks import MAX_CELLS, CellBoxes

pytestmark = pytest.mark.timeout(120)


def test_a_huge_grid_is_refused_before_it_is_allocated():
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=r"CellBoxes layer 'box_cells'.*20000x20000"):
            CellBoxes(20000, 20000, name="box_cells")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20  # not 6.4 GB of cell centres


@pytest.mark.parametrize("rows, cols", [(0, 14), (14, -1), (True, 14), (14.0, 14), ("14", 14)])
def test_a_grid_that_is_no_count_of_cells_is_refused(rows, cols):
    with pytest.raises(ValueError, match="CellBoxes layer"):
        CellBoxes(rows, cols, name="box_cells")


def test_the_presets_grid_and_one_at_the_bound_are_taken():
    assert CellBoxes(14, 14).get_config()["rows"] == 14
    side = int(MAX_CELLS ** 0.5)
    assert CellBoxes(side, MAX_CELLS // side).rows == side


def test_a_bundle_whose_grid_is_huge_is_refused(tmp_path):
    folder = Path(shutil.copytree(resources_dir() / "models" / "pets", tmp_path / "pets"))
    for name in ("model.tflite", "refine.tflite", "refine.keras"):
        (folder / name).unlink()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    for key in ("refine", "tflite"):
        meta.pop(key, None)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    shipped = resources_dir() / "models" / "pets" / "model.keras"
    with zipfile.ZipFile(shipped) as old, zipfile.ZipFile(folder / "model.keras", "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "config.json":
                config = json.loads(data)
                for layer in config["config"]["layers"]:
                    if layer["class_name"] == "CellBoxes":
                        layer["config"].update(rows=20000, cols=20000)
                data = json.dumps(config).encode()
            new.writestr(info, data)
    with pytest.raises(BundleError, match=r"(?s)model\.keras is corrupt or not a Keras model .*"
                                          r"CellBoxes layer 'box_cells': a grid of 20000x20000 cells"):
        load_bundle(folder)  # (Keras wraps the layer's words in its own: "could not be deserialized properly")
