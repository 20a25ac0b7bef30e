"""How wide each of the status line's permanent labels is while a message shows: the message first, the labels
what it leaves, in their order, the last first to give way (see `status_line`'s module text for why).

A label is either kept (whole, or the last one kept down to its least form) or given way entirely (0 px): held to
a third or half of the bar, the image counter, the model's label and "New model: not kept yet" cut the hunt's
messages to ~25 characters ("New box in the middle: arro… from the top-left corner)."), the instructions in a
tooltip a keyboard user cannot reach.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelNeeds:
    """What a permanent label needs, in px, its chrome (margins) included: ``whole``, its whole text; ``least``,
    the least form it may be shown in (the model's compact form with every caution, or its start and "…"; no more
    than ``whole``)."""

    whole: int
    least: int


def label_widths(needs: list[LabelNeeds], room: int) -> list[int]:
    """Each label's width, in the order given, where ``room`` px are left beside the message: the labels are kept
    from the first on, each whole but the last one kept, which takes the rest down to its least form; those after
    it give way (0). The last label in the bar (the model's, the widest) gives way first, the first (the resize
    corner's note, a mode the keys are in) last. With no room (a message as wide as the bar), every one is 0."""
    kept = len(needs)
    while kept and sum(need.whole for need in needs[:kept - 1]) + needs[kept - 1].least > room:
        kept -= 1
    widths = [need.whole for need in needs[:kept]] + [0] * (len(needs) - kept)
    if kept:
        widths[kept - 1] = min(needs[kept - 1].whole, room - sum(widths[:kept - 1]))
    return widths
