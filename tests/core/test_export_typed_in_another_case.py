"""An export into the dataset by another spelling of its folder is refused (`interop.files.check_outside_dataset`,
`core.disk_same`). macOS' `os.path.realpath` keeps the case typed (Windows' gives the disk's), and the real paths
compared as text let `petloc convert side SIDE/yolo --to yolo` export into the dataset, whose next read counted
the copies as new images. A case-sensitive disk's ``Side/`` beside ``side/`` is another folder, fine to export to."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import SIDECAR, VOC_DEVKIT, Dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop.files import check_outside_dataset
from tests.cli.helpers import run_cli
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture
from tests.core.interop_helpers import write_voc_image


def test_the_dataset_folder_typed_in_another_case(tmp_path, realpath_keeps_the_spelling):
    side = tmp_path / "side"
    side.mkdir()
    dataset = Dataset(side, SIDECAR, [])
    upper = alias(side, "SIDE")
    with pytest.raises(SaveError, match="inside the dataset being exported"):
        check_outside_dataset(upper / "yolo", dataset)
    with pytest.raises(SaveError, match="is the folder of the dataset"):
        check_outside_dataset(upper, dataset)
    check_outside_dataset(tmp_path / "SIDE2" / "yolo", dataset)


def test_a_devkit_typed_in_another_case(tmp_path, realpath_keeps_the_spelling):
    voc = tmp_path / "voc"
    (voc / "JPEGImages").mkdir(parents=True)
    dataset = Dataset(voc, VOC_DEVKIT, [])
    upper = alias(voc, "VOC")
    with pytest.raises(SaveError, match="inside JPEGImages/ of the dataset"):
        check_outside_dataset(upper / "JPEGImages" / "yolo", dataset)
    check_outside_dataset(upper / "exports" / "yolo", dataset)  # beside the folders it reads: fine


def test_another_folder_of_a_case_sensitive_disk(tmp_path):
    (tmp_path / "side").mkdir()
    (tmp_path / "Side").mkdir()
    check_outside_dataset(tmp_path / "Side" / "yolo", Dataset(tmp_path / "side", SIDECAR, []))


def test_convert_on_a_case_insensitive_disk(caseless_dir, capsys):  # noqa: F811 - the fixture
    side = caseless_dir / "side"
    side.mkdir()
    write_voc_image(side, "a.png", 40, 30, [("cat", (2, 2, 20, 20))])
    code, _, err = run_cli(capsys, "convert", side, caseless_dir / "SIDE" / "yolo", "--to", "yolo")
    assert code != 0 and "inside the dataset being exported" in err, err
    assert sorted(path.name for path in side.iterdir()) == ["a.png", "a.xml"]
