"""Pick the bundled model that fits a folder (no Qt, no TensorFlow).

Digits folders have labels 0-9 and 75x75 images; anything else is treated
as pets. Only a sample of annotations is read, so this is quick on 10,000
images.
"""

from __future__ import annotations

SAMPLE = 30
DIGIT_NAMES = frozenset(str(d) for d in range(10))


def sample_label_names(dataset, sample: int = SAMPLE) -> set[str]:
    """Object names found in up to ``sample`` annotations spread over the folder."""
    from petloc_gui.core.voc import read_voc

    items = [item for item in dataset.items if item.has_annotation]
    if not items:
        return set()
    step = max(1, len(items) // sample)
    names: set[str] = set()
    for item in items[::step][:sample]:
        try:
            annotation = read_voc(item.annotation_path, image_path=item.image_path)
        except Exception:  # noqa: BLE001 - a broken file just does not vote
            continue
        names.update(o.name for o in annotation.objects)
    return names


def choose_model(dataset) -> str:
    """"digits" or "pets" for this dataset."""
    names = sample_label_names(dataset)
    if names:
        return "digits" if names <= DIGIT_NAMES else "pets"
    from petloc_gui.core.images import image_size

    for item in dataset.items[:5]:
        try:
            if tuple(image_size(item.image_path)) == (75, 75):
                return "digits"
        except Exception:  # noqa: BLE001 - unreadable image: try the next one
            continue
    return "pets"
