"""A cache shared by every session whose bound is the memory its entries hold, not their count.

Each filter combination a link can ask for is a new entry (its filtered tables, its page
models), and one entry can hold tens of megabytes at 10^5 observations: a bound by count
lets a few hundred distinct links fill the server's memory. Here every entry is weighed
when it is made (`approximate_bytes`) and the least recently used ones are dropped while
the entries together weigh more than the budget. An entry heavier than the whole budget is
handed out but not kept. Objects the caller says are held anyway (the loaded tables that
a view shares) are not counted.

Sessions run in threads: a value being made for one key is made once, and every other
session asking for it waits for that one. At most `builders` values are made at a time:
making a view takes several times its own size for a moment, and memory that many threads
took at once stays with the process (the allocators keep it) even after it is freed. After
entries are dropped, the freed memory is handed back to the system where the allocators
allow it (`return_freed_memory`).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import sys
import threading
import weakref
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


def _libc_trim():
    """glibc's malloc_trim, or None where the C library has none."""
    with contextlib.suppress(OSError, AttributeError, TypeError):
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    return None


_MALLOC_TRIM = _libc_trim()


def return_freed_memory() -> None:
    """Give memory freed inside the process back to the system: Arrow's pool (the text
    columns) and the C heap (numbers, Python objects)."""
    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


class SizeBoundedCache:
    """Least recently used entries dropped while all of them weigh more than `budget`."""

    def __init__(self, budget_bytes: int, builders: int = 1) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._making: dict[Hashable, threading.Lock] = {}
        self._builders = threading.BoundedSemaphore(builders)
        self._building = threading.local()  # whether this thread holds a builder slot
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
                with self._builder_slot():
                    value = make()
                weight = approximate_bytes(value, shared())
                with self._lock:
                    dropped = self._store(key, value, weight)
                if dropped:
                    return_freed_memory()
            finally:
                with self._lock:
                    self._making.pop(key, None)
        return value

    @contextlib.contextmanager
    def _builder_slot(self):
        """A slot to make a value in; a value made while making another (a page model
        needs its filtered view) uses the slot its thread holds already."""
        if getattr(self._building, "held", False):
            yield
            return
        with self._builders:
            self._building.held = True
            try:
                yield
            finally:
                self._building.held = False

    def _store(self, key: Hashable, value: object, weight: int) -> int:
        """Keep the value if it fits; returns how many entries were dropped for it."""
        if weight > self.budget_bytes:
            return 0
        self._entries[key] = (value, weight)
        self.used_bytes += weight
        dropped = 0
        while self.used_bytes > self.budget_bytes:
            _, (_, weight_dropped) = self._entries.popitem(last=False)
            self.used_bytes -= weight_dropped
            dropped += 1
        return dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.used_bytes = 0


Path = tuple[tuple[str, object], ...]  # how to reach a frame inside a value: attributes, keys


def _frames_in(value: object, depth: int = 4, path: Path = ()):
    """(path, frame) of every DataFrame a value holds in its fields, dicts and sequences."""
    if isinstance(value, pd.DataFrame):
        yield path, value
        return
    if depth == 0:
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _frames_in(
                getattr(value, item.name), depth - 1, (*path, ("attr", item.name))
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _frames_in(item, depth - 1, (*path, ("key", key)))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _frames_in(item, depth - 1, (*path, ("key", index)))


def _follow(value: object, path: Path) -> object:
    for kind, step in path:
        value = getattr(value, step) if kind == "attr" else value[step]  # type: ignore[index]
    return value


class FrameSources:
    """Frames of cached values, found again later (a download clicked minutes after the page
    was drawn) without holding them: a session keeps its download buttons, and a button that
    held its frame would keep a view alive that the cache has dropped.
    """

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref, Callable[[], object], Path]] = {}
        self._lock = threading.Lock()

    def register(self, value: object, fetch: Callable[[], object]) -> None:
        """Remember how to reach each frame of `value` again: `fetch()` gives the value
        (from the cache, or made again)."""
        for path, frame in _frames_in(value):
            number = id(frame)

            def forget(_, number=number) -> None:
                with self._lock:
                    self._entries.pop(number, None)

            with self._lock:
                self._entries[number] = (weakref.ref(frame, forget), fetch, path)

    def source(self, frame: pd.DataFrame) -> Callable[[], pd.DataFrame]:
        """A function that gives `frame` (or an equal one made again) and does not hold it.
        A frame no cached value holds is returned as it is: something else keeps it."""
        with self._lock:
            entry = self._entries.get(id(frame))
        if entry is None or entry[0]() is not frame:
            return _holding(frame)
        return _finding(*entry)


def _holding(frame: pd.DataFrame) -> Callable[[], pd.DataFrame]:
    return lambda: frame


def _finding(
    reference: weakref.ref, fetch: Callable[[], object], path: Path
) -> Callable[[], pd.DataFrame]:
    def get() -> pd.DataFrame:
        held = reference()
        return held if held is not None else _follow(fetch(), path)  # type: ignore[return-value]

    return get
