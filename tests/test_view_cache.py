"""The views cache: bounded by the memory its entries hold, shared safely by sessions."""

from __future__ import annotations

import gc
import threading
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard_pages.view_cache import FrameSources, SizeBoundedCache, approximate_bytes

MIB = 1 << 20


def frame_of(megabytes: float) -> pd.DataFrame:
    return pd.DataFrame({"x": np.zeros(int(megabytes * MIB / 8))})


def test_a_frame_weighs_what_pandas_says_it_holds():
    frame = pd.DataFrame({"text": ["a quote of some length"] * 1000, "n": range(1000)})
    assert approximate_bytes(frame) == frame.memory_usage(index=True, deep=True).sum()
    assert approximate_bytes({"a": frame, "b": [frame, (frame,)]}) < 2 * approximate_bytes(frame)


def test_objects_held_elsewhere_do_not_count():
    base = frame_of(2)
    view = {"whole": base, "part": base.head(10)}
    assert approximate_bytes(view, shared=[base]) < 0.01 * MIB


@settings(deadline=None)  # handing freed memory back takes a while on a busy machine
@given(st.lists(st.integers(0, 30), max_size=60))
def test_the_entries_never_weigh_more_than_the_budget(keys):
    cache = SizeBoundedCache(4 * MIB)
    for key in keys:
        megabytes = 0.3 * (key % 15)  # up to 4.2 MB: some entries outweigh the budget
        value = cache.get(key, lambda m=megabytes: frame_of(m))
        assert len(value) == int(megabytes * MIB / 8)  # a value is always handed out
        assert cache.used_bytes <= cache.budget_bytes
        assert cache.used_bytes == sum(weight for _, weight in cache._entries.values())


def test_the_least_recently_used_entry_goes_first():
    cache = SizeBoundedCache(int(3.5 * MIB))
    made = []

    def make(name):
        made.append(name)
        return frame_of(1)

    for name in ("a", "b", "c"):
        cache.get(name, lambda n=name: make(n))
    cache.get("a", lambda: make("a again"))  # a is used again: b is now the oldest
    cache.get("d", lambda: make("d"))
    cache.get("a", lambda: make("a made twice"))
    cache.get("b", lambda: make("b made again"))
    assert made == ["a", "b", "c", "d", "b made again"]


def test_an_entry_heavier_than_the_budget_is_handed_out_not_kept():
    cache = SizeBoundedCache(MIB)
    assert len(cache.get("big", lambda: frame_of(2))) > 0
    assert len(cache) == 0 and cache.used_bytes == 0


def test_sessions_asking_at_once_make_a_value_once():
    cache = SizeBoundedCache(10 * MIB)
    made = []

    def slow():
        made.append(1)
        time.sleep(0.2)
        return frame_of(0.1)

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get("view", slow))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert all(result is results[0] for result in results)


def test_a_failing_make_leaves_nothing_behind():
    cache = SizeBoundedCache(MIB)

    def broken():
        raise RuntimeError("no")

    for _ in range(2):
        with pytest.raises(RuntimeError):
            cache.get("view", broken)
    assert len(cache) == 0 and cache._making == {}
    assert cache.get("view", lambda: 5) == 5


def test_a_value_made_while_making_another_does_not_wait_for_itself():
    cache = SizeBoundedCache(10 * MIB, builders=1)
    inner = lambda: cache.get("filtered", lambda: frame_of(0.1))  # noqa: E731
    model = cache.get("model", lambda: {"view": inner()})
    assert model["view"] is cache.get("filtered", lambda: None)


def test_at_most_the_given_number_of_values_are_made_at_once():
    cache = SizeBoundedCache(10 * MIB, builders=2)
    running, most = [], []
    lock = threading.Lock()

    def make():
        with lock:
            running.append(1)
            most.append(len(running))
        time.sleep(0.2)
        with lock:
            running.pop()
        return 1

    threads = [threading.Thread(target=cache.get, args=(n, make)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert max(most) <= 2 and len(cache) == 8


def test_a_download_finds_its_frame_again_without_keeping_it():
    cache = SizeBoundedCache(int(1.5 * MIB))
    sources = FrameSources()
    made = []

    def fetch(name):
        def make():
            made.append(name)
            value = {"table": frame_of(1).assign(name=name)}
            sources.register(value, lambda: cache.get(name, make))
            return value

        return cache.get(name, make)

    download = sources.source(fetch("a")["table"])
    fetch("b")  # pushes "a" out of the cache: nothing else holds its frame
    gc.collect()
    assert made == ["a", "b"]
    again = download()  # made again, equal to what the button showed
    assert made == ["a", "b", "a"] and set(again["name"]) == {"a"}


def test_a_frame_held_elsewhere_is_handed_out_as_it_is():
    frame = frame_of(0.01)
    assert FrameSources().source(frame)() is frame


def test_distinct_links_through_the_pages_keep_the_views_within_the_budget(monkeypatch):
    from datetime import date, timedelta

    from streamlit.testing.v1 import AppTest

    from dashboard_pages import data_access
    from tests.conftest import REPO_ROOT

    budget = SizeBoundedCache(int(0.3 * MIB))  # a few small views at most
    monkeypatch.setattr(data_access, "VIEWS", budget)
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(REPO_ROOT / "data"))
    weights = []
    for number, page in enumerate(["overview", "timeline", "indicators", "sources", "data"] * 3):
        app = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60)
        app.query_params["page"] = page
        app.query_params["from"] = (date(2023, 10, 1) + timedelta(days=9 * number)).isoformat()
        app.run()
        assert not app.exception, [exception.value for exception in app.exception]
        weights.append(budget.used_bytes)
    assert max(weights) <= budget.budget_bytes
    assert any(after < before for before, after in zip(weights, weights[1:]))  # views dropped
    assert len(budget) >= 1  # and others kept, within the budget
