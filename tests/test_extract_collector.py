"""A run holds the cyclic garbage collector off while it reads, and gives it back as it was:
on, off, or after a rule raised."""

import gc
from datetime import date

import pytest

from indicators.extract import pipeline
from indicators.extract.pipeline import extract

TEXT = "Aid agencies said on Monday that 40 percent of households in Kassala lack clean water."


@pytest.fixture
def collector_state():
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_the_caller_had_it(collector_state, enabled):
    gc.enable() if enabled else gc.disable()
    result = extract(TEXT, date(2025, 7, 20), publisher="Relief Monitor")
    assert [o.value for o in result.observations] == [40]
    assert gc.isenabled() is enabled


def test_the_collector_is_off_during_a_run_and_back_after_a_failure(collector_state, monkeypatch):
    gc.enable()
    seen = []

    def failing_process(self):
        seen.append(gc.isenabled())
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(pipeline._Run, "process", failing_process)
    with pytest.raises(RuntimeError):
        extract(TEXT, date(2025, 7, 20), publisher="Relief Monitor")
    assert seen == [False]
    assert gc.isenabled()
