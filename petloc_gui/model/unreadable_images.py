"""The images of a training run that could not be read when their pixels were needed.

Collecting the data reads only each image's header, so a truncated JPEG or
a file changed since passes and fails later, in an input thread, every time
it comes up (each epoch, each validation). The pipeline then stands another
image in for it (`augment.fill_batch`) or leaves it out of the figures
(`pipeline.input_batches`). This record keeps each such image once, with its
reason, so the run can say so once per image, from its own thread, and
meta.json can list them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class UnreadableImage:
    relpath: str  # relative to the dataset folder
    reason: str
    role: str  # "training" or "validation"

    def message(self) -> str:
        effect = ("another image of its batch stands in for it each time it comes up" if self.role == "training"
                  else "it is left out of the validation figures")
        return f"{self.role} image {self.relpath} could not be read ({self.reason}); {effect}"


class UnreadableImages:
    """Thread-safe: `add` runs in input threads, `take_new` where the run reports."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], UnreadableImage] = {}
        self._new: list[UnreadableImage] = []

    def add(self, relpath: str, reason: str, role: str) -> None:
        """Note an image that could not be read (once per image and role)."""
        with self._lock:
            if (relpath, role) not in self._seen:
                image = self._seen[(relpath, role)] = UnreadableImage(relpath, reason, role)
                self._new.append(image)

    def take_new(self) -> list[UnreadableImage]:
        """Those added since the last call, in the order they were found."""
        with self._lock:
            new, self._new = self._new, []
        return new

    def record(self) -> list[dict[str, str]]:
        """Every image noted so far, for meta.json (sorted by path)."""
        with self._lock:
            images = sorted(self._seen.values(), key=lambda image: (image.relpath, image.role))
        return [{"image": image.relpath, "role": image.role, "reason": image.reason} for image in images]
