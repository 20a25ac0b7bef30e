"""An image petloc cannot read whose name holds dots before its extension (``IMG.2024.heic``) has its
annotation ``IMG.2024.xml``: its stem ends at the last dot, as a readable image's does."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from tests.cli.helpers import BLUE, voc_xml, write_image


def test_a_dotted_heic_name_keeps_its_whole_stem(tmp_path):
    folder = tmp_path / "pets"
    folder.mkdir()
    write_image(folder / "ok.jpg", 32, 24, BLUE)
    (folder / "ok.xml").write_text(voc_xml("ok.jpg", 32, 24, [("cat", (1, 2, 20, 20))]), encoding="utf-8")
    (folder / "IMG.2024.heic").write_bytes(b"not an image")
    (folder / "IMG.2024.xml").write_text(voc_xml("IMG.2024.heic", 32, 24, [("cat", (1, 2, 20, 20))]),
                                         encoding="utf-8")

    dataset = open_dataset(folder)

    assert [path.name for path, _ in dataset.unread()] == ["IMG.2024.heic"]
    assert dataset.annotation_path_for(folder / "IMG.2024.heic") == folder / "IMG.2024.xml"
