"""The Dataset panel lists the problems `petloc stats` finds, image headers included.

It computed its figures from the XML alone (`check_images=False`): a PNG too large to open, a
text file named .jpg and an EXIF-rotated JPEG whose XML has the stored (unrotated) size were in
`petloc stats`'s list and not in the panel's.
"""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import SIZE_MISMATCH, UNREADABLE_IMAGE, compute_stats
from tests.cli.helpers import write_image as write_plain_image
from tests.core.helpers import png_claiming

from .conftest import open_and_wait, write_annotation


def _folder_with_image_problems(folder):
    (folder / "bomb.png").write_bytes(png_claiming(30_000, 30_000))
    write_annotation(folder / "bomb.png", [("cat", Box(10, 10, 50, 50))])
    (folder / "text_named.jpg").write_text("this is not an image\n", encoding="utf-8")
    write_annotation(folder / "text_named.jpg", [("cat", Box(10, 10, 50, 50))])
    # Stored 120x90, shown 90x120 (EXIF 6); its XML has the stored size, as labelImg before 1.8.5 wrote it.
    write_plain_image(folder / "old_o6.jpg", 120, 90, exif_orientation=6)
    write_annotation(folder / "old_o6.jpg", [("dog", Box(10, 10, 50, 50))], size=(120, 90))
    return folder


def test_the_panel_lists_what_petloc_stats_finds_in_image_headers(qtbot, window, folder):
    open_and_wait(qtbot, window, _folder_with_image_problems(folder))
    panel = window.dataset_panel
    window.act["dataset_panel"].trigger()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)

    found = {(p.kind, p.path.rsplit("/", 1)[-1]) for p in panel.stats.problems}
    assert (UNREADABLE_IMAGE, "bomb.png") in found
    assert (UNREADABLE_IMAGE, "text_named.jpg") in found
    assert (SIZE_MISMATCH, "old_o6.xml") in found
    swapped = next(p for p in panel.stats.problems if p.kind == SIZE_MISMATCH)
    assert "width and height swapped" in swapped.message
    # The same list as `petloc stats` (which reads every image's header).
    cli = compute_stats(open_dataset(folder))
    assert [(p.kind, p.path, p.message) for p in panel.stats.problems] == \
           [(p.kind, p.path, p.message) for p in cli.problems]
    assert panel.stats.images_checked
    # Image sizes are those of the readable files as shown (old_o6 is 90 wide), not the XMLs'.
    assert sorted(panel.stats.values["image_width"]) == [90.0] + [120.0] * 5
    assert "3 problems" in panel.summary.text()
