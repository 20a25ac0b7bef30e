"""How many images the prediction worker gives the model in one call (`PredictionService._take_batch`).

A call's results arrive only once all its images are predicted, so an image the user clicks meanwhile
waits for the call in progress. Grouping images pays on small ones (the network's call costs about
the same for 8 digit canvases of 75x75 as for one) and not on big photos, where decoding and resizing
each one is most of the time: 6000x4000 photos took 0.6-1.0 s alone, 5.0-6.3 s six to a call, and a
click waited for a call of 8 of them. So, past its first image, a batch also stops at `BATCH_PIXELS`:
a click waits for at most about a second of big photos, while small images still go `BATCH_SIZE` to a
call. (The current image goes in a call of its own before its neighbours: `PredictionService`.)

The pixel counts come from the files' headers, read by the worker *outside* the service's lock
(`PixelCounts`, then `Batch` with `PixelCounts.known` under it): a header read is ~0.03 ms, but ~330 ms
for a PNG with a damaged chunk (`core.damaged_images` reads the whole file), or on a network share,
and every call of the UI thread into the service waited for the lock meanwhile (the window froze).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from petloc_gui.app.file_key import FileKey
from petloc_gui.core.images import image_size

BATCH_SIZE = 8  # small: an urgent request waits for at most one background batch
# One 12 MP phone photo (4000x3000), or about 60 of the pets' 500x375 photos: more than BATCH_SIZE of those
BATCH_PIXELS = 12_000_000
# Pixel counts remembered: more than a batch's candidates (`PredictionService._batch_candidates`), so the
# image that did not fit is still known for the next batch
COUNTS_KEPT = 4 * BATCH_SIZE


def image_pixels(path: str) -> int:
    """Width x height from the file's header (nothing decoded). One whose header cannot be
    read counts as a whole batch: it goes alone, rather than hold up others for a time nobody knows
    (the model's call then says what is wrong with it)."""
    try:
        width, height = image_size(path)
    except Exception:  # noqa: BLE001 - any unreadable header (its reason is the model's call to give)
        return BATCH_PIXELS
    return width * height


def header_pixels(key: FileKey) -> int:
    return image_pixels(key[0])


class PixelCounts:
    """The pixel counts of the worker's candidates, by file key (`app.file_key`: a file rewritten is read
    again), the last `COUNTS_KEPT` of them: read without the service's lock (`read`), looked up under it
    (`known`). The image that did not fit in a batch is not read again for the next one. Used by the
    worker's thread alone."""

    def __init__(self, read: Callable[[FileKey], int] = header_pixels) -> None:
        self._read = read
        self._counts: OrderedDict[FileKey, int] = OrderedDict()

    def read(self, key: FileKey) -> int:
        pixels = self._counts.get(key)
        if pixels is None:
            pixels = self._counts[key] = self._read(key)
            while len(self._counts) > COUNTS_KEPT:
                self._counts.popitem(last=False)
        self._counts.move_to_end(key)
        return pixels

    def known(self, key: FileKey) -> int | None:
        """Its count if read already, else None: no file is read."""
        return self._counts.get(key)

    def read_for(self, keys: list[FileKey], *, skip_misfits: bool) -> None:
        """Read the counts that a batch of these keys, in this order, needs: until it is full, or (not
        ``skip_misfits``: the folder's images, in order) until the first that does not fit."""
        plan = Batch(self.read)
        for key in keys:
            if not plan.add(key) and (plan.full() or not skip_misfits):
                return


class Batch:
    """The images of one call of the model, by their keys: at most `BATCH_SIZE`, and past the first
    one (which may be bigger alone) at most `BATCH_PIXELS` pixels in all."""

    def __init__(self, pixels_of: Callable[[FileKey], int | None] = header_pixels) -> None:
        self.keys: list[FileKey] = []
        self._paths: set[str] = set()
        self._pixels = 0
        self._pixels_of = pixels_of

    def __bool__(self) -> bool:
        return bool(self.keys)

    def full(self) -> bool:
        return len(self.keys) >= BATCH_SIZE

    def add(self, key: FileKey) -> bool:
        """Take this image unless it would take the batch past its bounds: False then (the caller keeps
        it for the next batch). An image the batch holds already is not taken twice (True). One whose
        count is not known (``pixels_of`` gave None: asked for since the counts were read) is taken
        first, alone, as one whose header cannot be read: the worker does not go round again for it."""
        if key[0] in self._paths:
            return True
        if self.full():
            return False
        pixels = self._pixels_of(key)
        if pixels is None:
            if self.keys:
                return False
            pixels = BATCH_PIXELS
        if self.keys and self._pixels + pixels > BATCH_PIXELS:
            return False
        self.keys.append(key)
        self._paths.add(key[0])
        self._pixels += pixels
        return True
