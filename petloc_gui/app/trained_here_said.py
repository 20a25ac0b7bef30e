"""What the window says when the model in use trained on images of the open folder, or its figures were measured on
another folder (no Qt): the cautions its model label and Dataset panel carry (`figures_short.Caution`, each with the
short form the status line's compact label keeps), and the status line's message, said once. The words are
`petloc evaluate`'s (`cli.evaluate_trained_on`; how the images were matched: `core.trained_on_words`, which both
use), so the window and the CLI say one thing of one folder.
"""

from __future__ import annotations

from typing import Protocol

from petloc_gui.app.figures_short import Caution
from petloc_gui.core.text import counted, visible
from petloc_gui.core.trained_on_words import how_matched


class TrainedHere(Protocol):
    """`model.trained_here.TrainedHere` as read here (the app state imports no module that may load Keras)."""

    @property
    def images(self) -> int: ...
    @property
    def count(self) -> int | None: ...
    @property
    def by_content(self) -> int: ...
    @property
    def by_path(self) -> int: ...
    @property
    def complete(self) -> bool: ...
    @property
    def unchecked(self) -> int: ...
    @property
    def why_incomplete(self) -> str: ...
    @property
    def training_folder(self) -> str: ...
    @property
    def measured_here(self) -> int: ...
    @property
    def reboxed(self) -> int: ...
    @property
    def reboxed_by_bytes(self) -> int: ...
    @property
    def measured_unannotated(self) -> int: ...
    @property
    def measured(self) -> int: ...
    @property
    def measured_found(self) -> int: ...
    @property
    def measured_unchecked(self) -> int: ...
    @property
    def measured_changed(self) -> int: ...


def of_its_line(who: str) -> str:
    """Whose training images the check counts: the model's, or those of a model up its line (the panel says
    "it", the status message names it): one wording for both."""
    return f"of {who} or of a model it was fine-tuned from"
HELD_OUT_ADVICE = ("held-out figures: petloc evaluate --split validation on its training folder, or a folder it "
                   "never trained on")


def _at_least(found: TrainedHere) -> str:
    return "" if found.complete else "at least "


def _checked_count(found: TrainedHere) -> int:
    """How many of the folder's images the check looked at (all but those past its read budget)."""
    return found.images - found.unchecked


def _checked(found: TrainedHere) -> str:
    """ "checked 2000 of 20000 images" when the check stopped at its read budget (an older model's record without
    sizes: a big folder is not read whole); "" when every image was checked."""
    return f"checked {_checked_count(found)} of {found.images} images" if found.unchecked else ""


def _how(found: TrainedHere) -> str:
    """ "33 by identical bytes", "2 by identical bytes and 1 by recorded path": `petloc evaluate`'s words."""
    return how_matched({"content": found.by_content, "path": found.by_path})


def cautions(found: TrainedHere, split: str = "validation") -> tuple[Caution, ...]:
    """The model label's cautions: where its figures were measured (its training folder's name,
    ``training_folder``, while not all of the images they were measured on are here: how many are, when some are;
    "" for test figures of a set outside its training folder; ``split`` "test": on the test images held out of
    it), how many of the images they were measured on (``split``'s) were re-boxed since, how many of them have no
    annotation here (`_unannotated`: none re-boxed, none to re-score them on), and how many of this
    folder's images it trained on (none said while the images are read, or when no record tells; none found said
    only when that is a lower bound: `_none_found`)."""
    said: list[Caution] = []
    if found.reboxed:
        verb = "re-boxed" if not found.reboxed_by_bytes else "changed"
        them = "it" if found.reboxed == 1 else "them"  # the images: "2 of the 20 ... re-scores it" read as one
        said.append(Caution(f"{_reboxed(found, split)}: petloc evaluate --split "
                            f"{'test' if split == 'test' else 'validation'} re-scores {them}",
                            f"{found.reboxed} {verb} since"))
    if found.measured_unannotated:
        said.append(_unannotated(found, split))
    if found.measured_changed:
        said.append(_changed(found, split))
    if found.training_folder:
        folder = visible(found.training_folder)
        # test figures are on images held out of that folder (never trained on): "its training folder" alone read
        # as if they were measured on what it trained on
        where = (f'test images held out of its training folder "{folder}"' if split == "test" else
                 f'its training folder "{folder}"')
        said.append(_elsewhere(found, where, folder, split))
    if found.count:
        # the check counts the images any model of its line trained on (`TrainedHere.count`): "its training images"
        # named the fine-tuned model's own, of a folder holding its parent's only
        are = f"is a training image {of_its_line('it')}" if found.count == 1 else \
            f"are training images {of_its_line('it')}"
        checked = f" ({_checked(found)})" if found.unchecked else ""
        said.append(Caution(f"{_at_least(found)}{found.count} of this folder's {found.images} images {are}{checked}",
                            f"{found.count}/{found.images} trained on"))
    elif found.count == 0 and not found.complete:
        said.append(_none_found(found))
    return tuple(said)


def _none_found(found: TrainedHere) -> Caution:
    """None of the images checked is a training image, but that is a lower bound: the check stopped at its read
    budget (an older model's record without sizes: "checked 2000 of 20003 images: none of them is a training
    image; the rest were not checked"), or a record of the chain is missing (`petloc evaluate`'s "0 found trained
    on is a lower bound"). Said nothing, it read as a folder the model never trained on."""
    if found.unchecked:
        return Caution(f"{_checked(found)}: none of them is a training image; the rest were not checked",
                       f"0/{_checked_count(found)} checked trained on")
    why = f" ({found.why_incomplete})" if found.why_incomplete else ""
    return Caution(f"none of this folder's {counted(found.images, 'image')} is a training image as far as its "
                   f"record tells: the record of the images it learned from is incomplete{why}, 0 found trained on "
                   "is a lower bound", f"0/{found.images} trained on, a lower bound")


def _elsewhere(found: TrainedHere, where: str, folder: str, split: str) -> Caution:
    """ 'measured on its training folder "data", not this one' when none of the images they were measured on is
    here; when some are, how many: 'measured on its training folder "data": 12 of the 20 validation images are
    here' (the figures are partly this folder's images). Where the check stopped at its read budget before it
    could tell (a record without the images' sizes: a copy of one may be among the images left unread), what it
    found is a lower bound, said with how many images it checked (`_unread_copies`)."""
    n, of = found.measured_found, found.measured
    if found.measured_unchecked:
        return _unread_copies(found, where, split)
    if 0 < n < of:
        return Caution(f"measured on {where}: {measured_images(n, of, split)} {'is' if n == 1 else 'are'} here",
                       f"{n}/{of} of them here")
    return Caution(f"measured on {where}, not this one", f'in "{folder}"')


def _unread_copies(found: TrainedHere, where: str, split: str) -> Caution:
    """`_elsewhere` when images a copy of the held-out images may be were left unread: 'measured on its training
    folder "data": at least 3 of the 20 validation images are here (checked 2000 of 20003 images; the rest were not
    checked)', or, none found, 'none of the 20 validation images is among the 2000 of this folder's 20003 images
    checked; the rest were not checked' (said "not this one", it read as known)."""
    n, of = found.measured_found, found.measured
    checked = found.images - found.measured_unchecked
    if n:
        return Caution(f"measured on {where}: at least {measured_images(n, of, split)} {'is' if n == 1 else 'are'} "
                       f"here (checked {checked} of {found.images} images; the rest were not checked)",
                       f"{n}+/{of} of them here")
    which = f"the {split} image is not" if of == 1 else f"none of the {of} {split} images is"
    return Caution(f"measured on {where}: {which} among the {checked} of this folder's {found.images} images "
                   "checked; the rest were not checked", f"0/{of} of them in {checked} checked")


def _reboxed(found: TrainedHere, split: str) -> str:
    """ "2 of the 20 validation images they were measured on were re-boxed since", "the validation image …"; "…
    changed since (its boxes may differ)" where the record keeps only the annotation's bytes."""
    n, of = found.reboxed, found.measured_here
    return f"{measured_images(n, of, split)} they were measured on {reboxed_words(n, found.reboxed_by_bytes)}"


def _unannotated(found: TrainedHere, split: str) -> Caution:
    """ "2 of the 20 validation images they were measured on have no annotation here: the figures cannot be re-scored
    on them here" (a copy of the photo without its XML, or its annotation removed). Counted as re-boxed, such an image
    was said "re-boxed since", though its boxes were never changed: there are none here."""
    n, of = found.measured_unannotated, found.measured_here
    has, them = ("has", "it") if n == 1 else ("have", "them")
    return Caution(f"{measured_images(n, of, split)} they were measured on {has} no annotation here: the figures "
                   f"cannot be re-scored on {them} here", f"{n} unannotated here")


def _changed(found: TrainedHere, split: str) -> Caution:
    """ "1 of the 3 validation images they were measured on changed since it was recorded (other bytes at its path):
    petloc evaluate --split validation scores it all the same": re-saved in place (metadata stripped), still the image
    the model held out, as the command takes it (`model.recorded_copies.at_their_paths`) and says."""
    n, of = found.measured_changed, found.measured
    since, its, them = ("it was", "its", "it") if n == 1 else ("they were", "their", "them")
    return Caution(f"{measured_images(n, of, split)} they were measured on changed since {since} recorded (other "
                   f"bytes at {its} path): petloc evaluate --split {'test' if split == 'test' else 'validation'} "
                   f"scores {them} all the same", f"{n} changed since recorded")


def measured_images(n: int, of: int, split: str) -> str:
    """ "the validation image", "all 3 test images", "2 of the 20 validation images": ``n`` of ``of``."""
    if n == of:
        return f"the {split} image" if n == 1 else f"all {n} {split} images"
    return f"{n} of the {counted(of, f'{split} image')}"


def reboxed_words(n: int, by_bytes: int) -> str:
    """What is known of ``n`` images whose annotation changed since a run read it, ``by_bytes`` of them by its
    bytes alone (a record without the boxes' hash: a Verified mark changes the bytes, not the boxes): "was
    re-boxed since", "were changed since (their boxes may differ)", "were changed since (1 re-boxed; the other 2
    by their files' bytes: their boxes may differ)"."""
    were = "was" if n == 1 else "were"
    if not by_bytes:
        return f"{were} re-boxed since"
    if by_bytes == n:
        return f"{were} changed since ({'its' if n == 1 else 'their'} boxes may differ)"
    return (f"{were} changed since ({n - by_bytes} re-boxed; the other {by_bytes} by their files' bytes: their boxes "
            "may differ)")


def status_message(found: TrainedHere, model_name: str) -> str:
    """The status line's message when the model trained on images of the folder, or none was found where that is
    a lower bound (`_none_found`); "" when it trained on none, or no record tells."""
    if found.count == 0 and not found.complete:
        return _none_found_message(found, visible(model_name))
    if not found.count:
        return ""
    are = "is a training image" if found.count == 1 else "are training images"
    how = "; ".join(part for part in (_how(found), _checked(found)) if part)
    text = (f"{_at_least(found)}{found.count} of this folder's {found.images} images {are} "
            f"{of_its_line(visible(model_name))} ({how}): the list's IoU and Conf on them and the review "
            f"queue are training-set figures ({HELD_OUT_ADVICE}).")
    return text[:1].upper() + text[1:]


def _none_found_message(found: TrainedHere, model: str) -> str:
    """`_none_found` on the status line, with what the list's figures then are."""
    of = f"a training image {of_its_line(model)}"
    if found.unchecked:
        text = (f"{_checked(found)}: none of them is {of}; the rest were not checked (its record has no image "
                "sizes, so a big folder is read in part on each load): the list's IoU and Conf on the others may be "
                f"training-set figures ({HELD_OUT_ADVICE}).")
    else:
        why = f" ({found.why_incomplete})" if found.why_incomplete else ""
        text = (f"none of this folder's {counted(found.images, 'image')} is {of} as far as its record tells: the "
                f"record of the images it learned from is incomplete{why}, 0 found trained on is a lower bound.")
    return text[:1].upper() + text[1:]
