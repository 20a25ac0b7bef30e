"""One line per training epoch, from the worker's "epoch" event: `petloc train`'s stderr and the Retraining
window's log say it in these words (they had drifted: the window printed ``val_accuracy 0.9000`` and any
number, NaN included, where the command printed ``val_acc 0.900``, finite figures only). No Qt, no TensorFlow.
"""

from __future__ import annotations

from typing import Any

from petloc_gui.app.model_metrics import figure

# (the event's key, the name said, digits): the loss to 4 places, as the progress bar shows it; the
# validation figures to 3, as every other place shows them
FIGURES = (
    ("loss", "loss", 4),
    ("val_loss", "val_loss", 4),
    ("val_accuracy", "val_acc", 3),
    ("val_mean_iou", "val_mIoU", 3),
    ("val_iou_ge_50", "val_IoU>=.5", 3),
)


def epoch_line(event: dict[str, Any], val_part: str = "") -> str:
    """`epoch 3/10  loss 0.1234  val_loss 0.2000  val_acc 0.950  val_mIoU 0.712  val_IoU>=.5 0.910  4.2s
    (best so far)`. A figure that is no finite number (NaN, an unreadable value) is left out, not said as
    "nan". ``val_part``: which validation images the "val" figures are on (the window's "chooses the epoch:
    5 images"), said last as "(val. …)" when there is at least one such figure; "" says nothing."""
    epochs = event.get("epochs")
    words = [f"epoch {event.get('epoch')}/{epochs}" if epochs else f"epoch {event.get('epoch')}"]
    validated = False
    for key, name, digits in FIGURES:
        value = figure(event.get(key))
        if value is not None:
            words.append(f"{name} {value:.{digits}f}")
            validated = validated or key.startswith("val_")
    seconds = figure(event.get("seconds"))
    if seconds is not None:
        words.append(f"{seconds:.1f}s")
    if event.get("best_epoch") is not None and event.get("best_epoch") == event.get("epoch"):
        words.append("(best so far)")
    if validated and val_part:
        words.append(f"(val. {val_part})")
    return "  ".join(words)
