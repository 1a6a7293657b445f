"""Many independent per-file jobs spread over the machine's cores: a cold check or build parses and validates
thousands of files that do not depend on each other, so with two cores it takes about half the time."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many jobs starting the workers costs more than it saves (a worker starts in ~0.1 s with fork).
MIN_JOBS = 200
# Batches per core: small enough that the last ones even out the cores, large enough to cost nothing to hand out.
BATCHES_PER_CORE = 32

# What a worker inherits from parallel_batches: the function, its batches, the shared arguments, the next batches.
_job: tuple[Any, ...] = ()


def _init(*job: Any) -> None:
    global _job
    _job = job


def _take(ends: Any, front: bool) -> int | None:
    """The next batch from the front (this process) or the back (the workers), or None when the two have met."""
    with ends.get_lock():
        if ends[0] >= ends[1]:
            return None
        if front:
            ends[0] += 1
            return int(ends[0] - 1)
        ends[1] -= 1
        return int(ends[1])


def _from_back() -> None:
    """A worker's part: batches taken from the back until they meet this process's; each result is sent as it is done."""
    func, batches, shared, ends, results = _job
    while (i := _take(ends, front=False)) is not None:
        # Pickled here, in a part the cores even out, and sent at once: this process reads it between its own batches.
        results.put((i, pickle.dumps(func(batches[i], *shared), pickle.HIGHEST_PROTOCOL)))


def workers() -> int:
    """The cores this process may use; PORTAL_WORKERS=1 keeps everything in this process."""
    setting = os.environ.get("PORTAL_WORKERS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parallel_batches(func: Callable[..., list[R]], items: Sequence[T], shared: tuple[Any, ...] = (),
                     then: Callable[[list[R]], None] | None = None) -> list[R]:
    """func(batch, *shared) over consecutive batches of the items, results joined in order; then(results), if given,
    runs in this process on each batch's results, as soon as they are here.

    With few items or one core it is one batch in this process. Else this process works too, beside one worker
    per other core: it takes batches from the front while the workers take them from the back (a counter in shared
    memory, no messages to hand out a batch), so they meet wherever the work happens to be, and what this process
    did needs no copying back. A batch is the unit done at once, e.g. one cache transaction for its files. func
    must be a module-level function; any exception in a worker is raised here, as it would be in a loop.
    """
    count = min(workers(), len(items) // (MIN_JOBS // 2) or 1)
    if count < 2 or len(items) < MIN_JOBS:
        results = func(list(items), *shared) if items else []
        if then is not None:
            then(results)
        return results
    size = max(1, -(-len(items) // (count * BATCHES_PER_CORE)))
    batches = [list(items[i:i + size]) for i in range(0, len(items), size)]
    context = _context()
    ends = context.Array("l", [0, len(batches)])
    sent = context.Queue()
    done: dict[int, list[R]] = {}

    def finished(i: int, results: list[R]) -> None:
        done[i] = results
        if then is not None:
            then(results)

    def arrived(i: int, data: bytes) -> None:
        finished(i, pickle.loads(data))  # what our own worker pickled: no code

    with ProcessPoolExecutor(count - 1, mp_context=context, initializer=_init,
                             initargs=(func, batches, shared, ends, sent)) as pool:
        futures = [pool.submit(_from_back) for _ in range(count - 1)]
        try:
            while (i := _take(ends, front=True)) is not None:
                finished(i, func(batches[i], *shared))
                with contextlib.suppress(queue.Empty):
                    while True:
                        arrived(*sent.get_nowait())
        except BaseException:
            with ends.get_lock():
                ends[1] = ends[0]  # the workers take no more batches
            raise
        for future in futures:
            future.result()  # a worker's exception is raised here
        while len(done) < len(batches):  # the workers have put all the rest in the queue
            arrived(*sent.get())
    return [result for i in range(len(batches)) for result in done[i]]


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker at once and shares what is loaded; it is unsafe only when other threads run (mkdocs serve
    # after its first build), where the slower spawn is used instead.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


class Background(Generic[R]):
    """func(*args) in one worker process while this process goes on (the second core); result() waits for it.

    func must be a module-level function; its exception is raised by result(), as if it had been called there.
    """

    def __init__(self, func: Callable[..., R], *args: Any) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=_context())
        self._future: Future[R] = self._pool.submit(func, *args)

    def result(self) -> R:
        try:
            return self._future.result()
        finally:
            self._pool.shutdown()

    def cancel(self) -> None:
        """Stop waiting: a job not started is dropped, a running one ends by itself."""
        self._pool.shutdown(wait=False, cancel_futures=True)
