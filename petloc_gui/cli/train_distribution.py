"""`petloc train --distribute`: its two options, and what the command checks, says and waits for around the strategy.

TF_CONFIG set for a run without ``multiworker`` is a warning (`check_options`); with ``multiworker`` it is read
before TensorFlow loads (`read_cluster`, `cli.tf_config`), and once TensorFlow has loaded this worker waits for
the others and says when all are there (`connect_workers`); ``mirrored`` on one device says so (`before_training`).
The strategy itself is made by `model.distributed`.
"""

from __future__ import annotations

import argparse
import os

from petloc_gui.cli.args import positive_int, refuse_outside_mode
from petloc_gui.cli.output import CommandError, UsageError, error, info
from petloc_gui.cli.tf_config import listed_tasks, read_tf_config

# Seconds a multi-worker run waits for all its workers to connect: long enough to start the
# command on a few machines by hand, short enough that a wrong address is reported before
# anyone gives up on it.
WORKER_TIMEOUT = 300


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--distribute and --worker-timeout."""
    parser.add_argument(
        "--distribute",
        choices=("none", "mirrored", "multiworker"),
        default="none",
        help="tf.distribute strategy (default none); multiworker reads TF_CONFIG (see below)",
    )
    parser.add_argument(
        "--worker-timeout", type=positive_int, default=None, metavar="SECONDS",
        help=f"with --distribute multiworker: how long to wait for the other workers to start (default "
             f"{WORKER_TIMEOUT}: time to start the command on each machine by hand), and, when over 600, for a "
             "worker slower to collect its data at the start-of-training check",
    )


def check_options(args: argparse.Namespace) -> None:
    """--worker-timeout outside multiworker refused (ignored, it looked as if it had bounded something), its
    default filled in, and TF_CONFIG set for a run that does not read it said (`_warn_of_tf_config`)."""
    refuse_outside_mode(args.worker_timeout is not None and args.distribute != "multiworker", "--worker-timeout",
                        "--distribute multiworker", "it bounds the wait for the other workers of TF_CONFIG")
    if args.worker_timeout is None:
        args.worker_timeout = WORKER_TIMEOUT
    if args.distribute != "multiworker":
        _warn_of_tf_config(args.distribute)


def _warn_of_tf_config(distribute: str) -> None:
    """Set for a multi-worker run with --distribute multiworker left off, TF_CONFIG went unread: this run trained
    alone without a word while the workers it lists waited --worker-timeout for it and failed. One that lists
    no other worker (`{}`, a cluster of one chief, as some managed jobs set) has no one to wait."""
    text = os.environ.get("TF_CONFIG")
    if not text:
        return
    try:
        tasks = listed_tasks(text)
    except CommandError as exc:
        error(f"warning: {exc}; without --distribute multiworker this run trains on this machine alone "
              f"(--distribute {distribute})")
        return
    if len(tasks) > 1:
        error(f"warning: TF_CONFIG is set, but without --distribute multiworker this run trains on this machine "
              f"alone (--distribute {distribute}) and does not join the workers TF_CONFIG lists: add "
              "--distribute multiworker to train with them, or unset TF_CONFIG")


def read_cluster(args: argparse.Namespace) -> None:
    """With multiworker, TF_CONFIG read and checked now, before TensorFlow loads: ``args.cluster``."""
    if args.distribute == "multiworker":
        from petloc_gui.model.presets import get_preset  # no TensorFlow

        args.cluster = read_tf_config(args.batch_size or get_preset(args.preset).batch_size)


def before_training(args: argparse.Namespace) -> None:
    """Once TensorFlow has loaded: multiworker waits for the other workers (`connect_workers`); mirrored on a
    machine of one device says that it trains as on one device (it said nothing: the user had asked for several)."""
    if args.distribute == "multiworker":
        connect_workers(args)
    elif args.distribute == "mirrored":
        from petloc_gui.model import distributed

        devices = distributed.mirrored_devices()
        if len(devices) == 1:
            shown = devices[0].rpartition("device:")[2] or devices[0]  # CPU:0, not /job:localhost/replica:0/...
            info(f"--distribute mirrored: this machine has one device ({shown}), so this run trains as on one "
                 "device")


def connect_workers(args: argparse.Namespace) -> None:
    """Wait, for at most --worker-timeout, until every worker of TF_CONFIG is up (Ctrl+C or SIGTERM ends the
    wait with a line naming whom it waited for; `cmd_train.run` then takes back the --out it made), then check
    the batch splits across all their devices."""
    from petloc_gui.model.distributed import connect_workers as connect
    from petloc_gui.model.presets import get_preset

    cluster = args.cluster
    info(f"waiting for the other workers ({cluster.others()}; this is {cluster.task_type} {cluster.task_index} "
         f"at {cluster.address}; up to {args.worker_timeout} s, --worker-timeout)...")
    strategy = connect(args.worker_timeout, f"{cluster.others()}, from TF_CONFIG", say=info)
    replicas = strategy.num_replicas_in_sync
    batch = args.batch_size or get_preset(args.preset).batch_size
    if batch % replicas:
        raise UsageError(f"--batch-size {batch} cannot be split evenly across the {replicas} devices of the "
                         f"{len(cluster.tasks)} workers (--batch-size is the global batch): give a multiple of "
                         f"{replicas}")
    info(f"all {len(cluster.tasks)} workers connected ({replicas} devices in all)")
