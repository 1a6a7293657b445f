"""Many independent per-file jobs spread over the machine's cores: a cold check or build parses and validates
thousands of files that do not depend on each other, so with two cores it takes about half the time."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many jobs starting the workers costs more than it saves (a worker starts in ~0.1 s with fork).
MIN_JOBS = 200

_shared: tuple[Any, ...] = ()


def _init(shared: tuple[Any, ...]) -> None:
    global _shared
    _shared = shared


def _call(job: tuple[Callable[..., R], Any]) -> R:
    func, item = job
    return func(item, *_shared)


def workers() -> int:
    """The cores this process may use; PORTAL_WORKERS=1 keeps everything in this process."""
    setting = os.environ.get("PORTAL_WORKERS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parallel_map(func: Callable[..., R], items: Sequence[T], shared: tuple[Any, ...] = ()) -> list[R]:
    """func(item, *shared) for every item, in order; in worker processes when there are many items and cores.

    func must be a module-level function. Any exception in a worker is raised here, as it would be in a loop.
    """
    count = min(workers(), len(items) // (MIN_JOBS // 2) or 1)
    if count < 2 or len(items) < MIN_JOBS:
        return [func(item, *shared) for item in items]
    chunk = max(1, len(items) // (count * 8))  # a few chunks per worker, so a slow chunk does not leave a core idle
    with ProcessPoolExecutor(count, mp_context=_context(), initializer=_init, initargs=(shared,)) as pool:
        return list(pool.map(_call, [(func, item) for item in items], chunksize=chunk))


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
