"""One build's jobs on the shared worker pool (workers.py): stops at the first failure, adds up where the time went."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from portal.manual.model import ManualError
from portal.manual.workers import pool


def epoch(day: date) -> int:
    """The edition date as the timestamp Typst writes into every PDF (midnight UTC): the same day, the same bytes."""
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


class Runner:
    """One build's jobs on the shared worker pool: stops at the first failure, adds up where the time went."""

    def __init__(self, root: Path, timestamp: int, workers: int) -> None:
        self.root, self.timestamp = root, timestamp
        self.pool = pool(workers)
        self.failed = False
        self.lock = threading.Lock()
        self.timings: dict[str, list[float]] = {}   # kind -> [count, wall seconds, CPU seconds]
        self.ready: set[str] = set()                # chapters whose sources and QR codes are written
        self.progress = threading.Condition()

    def run(self, items: list[dict], urgent: bool = False, need_mb: float = 0.0, fatal: bool = True) -> list[dict]:
        """Items done by one worker; a failure stops the build unless not fatal (a job with a fallback)."""
        if self.failed:
            raise ManualError("sazba jiné části selhala")
        try:
            results = self.pool.run({"root": str(self.root), "timestamp": self.timestamp, "items": items}, urgent, need_mb)
        except BaseException as exc:
            if fatal or not isinstance(exc, ManualError):
                self.failed = True
            raise
        with self.lock:
            for item, result in zip(items, results, strict=False):
                kind = item.get("what", item["kind"])
                entry = self.timings.setdefault(kind, [0, 0.0, 0.0])
                entry[0] += 1
                entry[1] += result.get("wall", 0.0)
                entry[2] += result.get("cpu", 0.0)
        return results

    def add(self, kind: str, count: int, wall: float, cpu: float) -> None:
        """Count a step done in this process (wall and CPU seconds since the given readings) under its kind."""
        with self.lock:
            entry = self.timings.setdefault(kind, [0, 0.0, 0.0])
            entry[0] += count
            entry[1] += time.perf_counter() - wall
            entry[2] += time.process_time() - cpu

    def written(self, names: Iterable[str]) -> None:
        """These chapters' sources (and QR codes) are in the root: editions waiting for them may go on."""
        with self.progress:
            self.ready.update(names)
            self.progress.notify_all()

    def wait_for(self, names: Iterable[str]) -> None:
        """Until these chapters are written (an edition starts while later batches are still rendered)."""
        wanted = set(names)
        with self.progress:
            while not self.ready.issuperset(wanted):
                if self.failed:
                    raise ManualError("sazba jiné části selhala")
                self.progress.wait(0.5)

    def stop(self) -> None:
        self.pool.stop()
