"""A cache shared by every session whose bound is the memory its entries hold, not their count.

Each filter combination a link can ask for is a new entry (its filtered tables, its page
models), and one entry can hold tens of megabytes at 10^5 observations: a bound by count
lets a few hundred distinct links fill the server's memory. Here every entry is weighed
when it is made (`approximate_bytes`) and the least recently used ones are dropped while
the entries together weigh more than the budget. An entry heavier than the whole budget is
handed out but not kept. Objects the caller says are held anyway (the loaded tables that
a view shares) are not counted.

Sessions run in threads: a value being made for one key is made once, and every other
session asking for it waits for that one.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

T = TypeVar("T")


def approximate_bytes(value: object, shared: Iterable[object] = ()) -> int:
    """The memory `value` holds, counting each object once and nothing in `shared`.

    Frames count their buffers (text included), Arrow tables theirs, figures their dict
    form; containers, dataclasses and plain objects the sum of what they hold. Buffers one
    frame shares with another (pandas copies lazily) are counted for each, so the estimate
    errs on the heavy side.
    """
    seen = {id(item) for item in shared}
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen or item is None:
            continue
        seen.add(id(item))
        if isinstance(item, pd.DataFrame):
            total += int(item.memory_usage(index=True, deep=True).sum())
        elif isinstance(item, pd.Series | pd.Index):
            total += int(item.memory_usage(deep=True))
        elif isinstance(item, pa.Table | pa.RecordBatch | pa.ChunkedArray | pa.Array):
            total += int(item.get_total_buffer_size())
        elif isinstance(item, go.Figure):
            stack.append(item.__dict__.get("_plain_dict") or item.to_plotly_json())
        elif isinstance(item, str | bytes | int | float | bool):
            total += sys.getsizeof(item)
        elif isinstance(item, dict):
            total += sys.getsizeof(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            total += sys.getsizeof(item)
            stack.extend(item)
        elif dataclasses.is_dataclass(item):
            total += sys.getsizeof(item)
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
            stack.extend(item.__dict__.values() if hasattr(item, "__dict__") else ())
        elif hasattr(item, "__dict__"):
            total += sys.getsizeof(item)
            stack.extend(vars(item).values())
        else:
            total += sys.getsizeof(item)
    return total


class SizeBoundedCache:
    """Least recently used entries dropped while all of them weigh more than `budget`."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._making: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()
        self.used_bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _lookup(self, key: Hashable) -> tuple[bool, object]:
        entry = self._entries.get(key)
        if entry is None:
            return False, None
        self._entries.move_to_end(key)
        return True, entry[0]

    def get(
        self, key: Hashable, make: Callable[[], T], shared: Callable[[], Iterable[object]] = tuple
    ) -> T:
        """The value for `key`, made by `make()` the first time (and after it was dropped).

        `shared()` names objects the value may hold that are kept elsewhere anyway; they
        do not count against the budget.
        """
        with self._lock:
            found, value = self._lookup(key)
            if found:
                return value  # type: ignore[return-value]
            making = self._making.setdefault(key, threading.Lock())
        with making:  # one session makes it; the others asking meanwhile wait for it
            with self._lock:
                found, value = self._lookup(key)
                if found:
                    return value  # type: ignore[return-value]
            try:
                value = make()
                weight = approximate_bytes(value, shared())
                with self._lock:
                    self._store(key, value, weight)
            finally:
                with self._lock:
                    self._making.pop(key, None)
        return value

    def _store(self, key: Hashable, value: object, weight: int) -> None:
        if weight > self.budget_bytes:
            return
        self._entries[key] = (value, weight)
        self.used_bytes += weight
        while self.used_bytes > self.budget_bytes:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.used_bytes -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.used_bytes = 0
