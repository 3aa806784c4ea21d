"""A thread pool for the block-wise reductions and the coverage weights.

numpy, shapely 2 and GDAL release the GIL inside their loops, so threads share the work of
one process without copying the grids or the weights into other processes. Results come back
in the order of the items whatever order the threads finish in, so a run with 1 worker and
a run with 8 add the same partial results in the same order and give identical numbers.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, TypeVar

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

T = TypeVar("T")
R = TypeVar("R")


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # Windows and macOS have no affinity call
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: Optional[int]) -> int:
    """None or 0: all cores; a positive number: that many threads."""
    if workers is None or workers == 0:
        return available_cores()
    if workers < 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The number of worker threads must be 0 (all cores) or more, not {workers}."),
            workers=workers)
    return int(workers)


def map_tasks(fn: Callable[[T], R], items: Sequence[T] | Iterable[T], workers: Optional[int] = None,
              progress: Optional[Callable[[float], None]] = None,
              is_canceled: Optional[Callable[[], bool]] = None) -> List[R]:
    """``[fn(x) for x in items]`` on ``workers`` threads, in item order.

    At most twice as many tasks as threads are in flight, so the memory a task holds (a
    raster strip, say) is bounded by the workers, not by the number of items. Cancelling
    stops handing out tasks and raises :class:`~jwjt_plugin.core.overlay.Cancelled` once
    the running ones are done. An exception in a task is raised here, in the caller.
    """
    return list(ordered_results(fn, items, workers, progress, is_canceled))


def fold_tasks(fn: Callable[[T], R], items: Sequence[T] | Iterable[T], fold: Callable[[R], None],
               workers: Optional[int] = None, progress: Optional[Callable[[float], None]] = None,
               is_canceled: Optional[Callable[[], bool]] = None) -> None:
    """``fold(fn(x))`` for every item, in item order, as the results arrive: a pass whose
    partial results are added up (per-unit sums of each strip) holds a few of them at a
    time, not one per strip."""
    for result in ordered_results(fn, items, workers, progress, is_canceled):
        fold(result)


def ordered_results(fn: Callable[[T], R], items: Sequence[T] | Iterable[T], workers: Optional[int] = None,
                    progress: Optional[Callable[[float], None]] = None,
                    is_canceled: Optional[Callable[[], bool]] = None) -> Iterator[R]:
    """``fn(x)`` for each item on ``workers`` threads, yielded in item order.

    Running tasks and finished results not yet yielded together stay below twice the
    threads, so a slow task early on holds back new work instead of piling up results.
    """
    from .overlay import Cancelled

    items = list(items)
    n = len(items)
    threads = min(resolve_workers(workers), max(n, 1))
    done_count = 0

    def tick() -> None:
        if progress is not None and n:
            progress(done_count / n)

    if threads <= 1:
        for item in items:
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            result = fn(item)
            done_count += 1
            tick()
            yield result
        return

    ready: Dict[int, R] = {}
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="jwjt") as pool:
        pending: Dict[Future, int] = {}
        next_item = next_out = 0
        try:
            while next_out < n:
                while next_item < n and len(pending) + len(ready) < 2 * threads:
                    if is_canceled is not None and is_canceled():
                        raise Cancelled()
                    pending[pool.submit(fn, items[next_item])] = next_item
                    next_item += 1
                if next_out not in ready:
                    finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                    for fut in finished:
                        ready[pending.pop(fut)] = fut.result()
                        done_count += 1
                    tick()
                while next_out in ready:
                    result = ready.pop(next_out)
                    next_out += 1
                    yield result
        except BaseException:
            for fut in pending:
                fut.cancel()
            raise
