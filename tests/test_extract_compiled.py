"""The extractor compiled by Cython: used only when current, and the same as plain Python.

`scripts/test.sh` builds the compiled modules and sets INDICATORS_REQUIRE_COMPILED, so there
the suite runs the compiled extractor, and the tests below that need a build never skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import synthetic
from indicators.extract import build_compiled, compiled
from tests import extraction_dump

REQUIRED = os.environ.get("INDICATORS_REQUIRE_COMPILED", "").strip() not in ("", "0")
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "50"))


def _fake_build(tmp_path: Path, source: bytes) -> tuple[Path, Path, dict]:
    """A package folder holding `probe.py` and a build folder whose manifest lists it."""
    package = tmp_path / "package"
    package.mkdir(exist_ok=True)
    (package / "probe.py").write_bytes(source)
    build = tmp_path / "build"
    build.mkdir(exist_ok=True)
    built = build / f"probe{compiled.sysconfig.get_config_var('EXT_SUFFIX')}"
    built.write_bytes(b"\x7fELF not loaded by these tests")
    modules = {
        "probe": {"sha256": compiled.source_digest(package / "probe.py"), "file": built.name}
    }
    return package, build, modules


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    source=st.binary(min_size=1, max_size=300),
    at=st.integers(min_value=0),
    byte=st.integers(min_value=0, max_value=255),
)
def test_a_module_changed_since_its_build_is_imported_from_its_source(
    tmp_path_factory, source, at, byte
):
    package, build, modules = _fake_build(tmp_path_factory.mktemp("compiled"), source)
    finder = compiled.CompiledFinder(build, modules, package_dir=package)
    spec = finder.find_spec("indicators.extract.probe")
    assert spec is not None and spec.origin == str(build / modules["probe"]["file"])
    assert isinstance(spec.loader, compiled.ExtensionFileLoader)
    # any change of one byte, or a byte more, makes the build stale for that module
    changed = bytearray(source)
    position = at % len(source)
    if changed[position] == byte:
        changed.append(byte)
    else:
        changed[position] = byte
    (package / "probe.py").write_bytes(bytes(changed))
    assert finder.find_spec("indicators.extract.probe") is None
    (package / "probe.py").write_bytes(source)
    assert finder.find_spec("indicators.extract.probe") is not None


def test_the_finder_keeps_to_the_extractor_and_to_what_was_built(tmp_path):
    package, build, modules = _fake_build(tmp_path, b"VALUE = 1\n")
    finder = compiled.CompiledFinder(build, modules, package_dir=package)
    assert finder.find_spec("indicators.probe") is None  # another package
    assert finder.find_spec("indicators.extract.vocabulary.probe") is None  # a subpackage
    assert finder.find_spec("indicators.extract.other") is None  # not in the build
    (build / modules["probe"]["file"]).unlink()
    assert finder.find_spec("indicators.extract.probe") is None  # listed, but not there
    (package / "probe.py").unlink()
    assert finder.find_spec("indicators.extract.probe") is None  # no source to check


@pytest.mark.parametrize(
    "manifest",
    [
        "not json {",
        json.dumps(["a", "list"]),
        json.dumps({"interpreter": "cpython-27-sparc", "modules": {}}),
        json.dumps({"interpreter": compiled.interpreter(), "modules": "figures"}),
    ],
    ids=["not json", "a list", "another interpreter", "modules not a mapping"],
)
def test_a_manifest_not_made_by_this_interpreter_is_no_build(tmp_path, monkeypatch, manifest):
    directory = compiled.build_dir(tmp_path)
    directory.mkdir(parents=True)
    (directory / compiled.MANIFEST).write_text(manifest, encoding="utf-8")
    assert compiled.read_manifest(directory) == {}
    monkeypatch.delenv(compiled.PURE_PYTHON_VARIABLE, raising=False)
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not _is_finder(f)])
    assert compiled.install(tmp_path) is None
    assert not any(_is_finder(f) for f in sys.meta_path)


def _is_finder(finder) -> bool:
    return isinstance(finder, compiled.CompiledFinder)


def test_pure_python_is_chosen_by_its_variable(tmp_path, monkeypatch):
    directory = compiled.build_dir(tmp_path)
    directory.mkdir(parents=True)
    manifest = {"interpreter": compiled.interpreter(), "modules": {}}
    (directory / compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not _is_finder(f)])
    monkeypatch.setenv(compiled.PURE_PYTHON_VARIABLE, "1")
    assert compiled.install(tmp_path) is None
    monkeypatch.setenv(compiled.PURE_PYTHON_VARIABLE, "0")
    finder = compiled.install(tmp_path)
    assert finder is not None and sys.meta_path[0] is finder
    assert compiled.install(tmp_path) is None  # once only


def test_only_modules_missing_or_changed_are_built_again(tmp_path):
    package = tmp_path / "package"
    package.mkdir()
    for name in ("alpha", "beta", "gamma", "compiled", "__init__"):
        (package / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
    assert compiled.compilable_modules(package) == ["alpha", "beta", "gamma"]
    directory = tmp_path / "build"
    directory.mkdir()
    entries = {}
    for name in ("alpha", "beta"):
        (directory / f"{name}.so").write_bytes(b"")
        entries[name] = {
            "sha256": compiled.source_digest(package / f"{name}.py"),
            "file": f"{name}.so",
            "directives": build_compiled.directives(name, package),
        }
    build_compiled.write_manifest(directory, entries, keep=[])
    assert build_compiled.stale_modules(directory, package) == ["gamma"]
    (package / "beta.py").write_text("NAME = 'changed'\n", encoding="utf-8")
    assert build_compiled.stale_modules(directory, package) == ["beta", "gamma"]
    # a module built with other directives is built again: annotations read otherwise
    (package / "alpha.py").write_text("NAME: float = 1\n", encoding="utf-8")
    entries["alpha"]["sha256"] = compiled.source_digest(package / "alpha.py")
    build_compiled.write_manifest(directory, entries, keep=[])
    assert build_compiled.stale_modules(directory, package) == ["alpha", "beta", "gamma"]
    # a rewrite of the manifest keeps the entries it is told to, and no others
    build_compiled.write_manifest(directory, {}, keep=["alpha"])
    assert list(compiled.read_manifest(directory)["modules"]) == ["alpha"]


@pytest.mark.parametrize(
    ("source", "typed"),
    [
        ("def f(text: str, at: int, words: list[str]) -> tuple[str, ...]:\n    return ()\n", True),
        ("class Figure:\n    unit: str = 'count'\n", True),
        ("def f(value: float):\n    return value\n", False),
        ("def f(value: float | None = None):\n    return value\n", False),
        ("def f(text: str) -> float:\n    return 1\n", False),
        ("def f():\n    share: dict[str, float] = {}\n    return share\n", False),
        ("class Figure:\n    value: float | None = None\n", False),
        ("def f(*values: complex):\n    return values\n", False),
        ("# a float in words is no annotation\ndef f(x='float'):\n    return x\n", True),
    ],
)
def test_a_module_annotating_a_float_is_compiled_with_its_annotations_untyped(
    tmp_path, source, typed
):
    (tmp_path / "probe.py").write_text(source, encoding="utf-8")
    assert build_compiled.typed_annotations("probe", tmp_path) is typed
    assert build_compiled.directives("probe", tmp_path)["annotation_typing"] is typed
    for name in build_compiled.UNTYPED:  # named, whatever they annotate
        (tmp_path / f"{name}.py").write_text("def f(text: str):\n    return text\n")
        assert build_compiled.typed_annotations(name, tmp_path) is False


def _needs_cython():
    if importlib.util.find_spec("Cython") is None:
        if REQUIRED:
            pytest.fail("Cython is required here (INDICATORS_REQUIRE_COMPILED) but not installed")
        pytest.skip("Cython is not installed")


def test_a_module_built_here_is_loaded_compiled_and_computes_as_its_source(tmp_path):
    _needs_cython()
    package = tmp_path / "package"
    package.mkdir()
    source = (
        "from dataclasses import dataclass\n"
        "from functools import lru_cache\n\n"
        "@dataclass(slots=True)\n"
        "class Figure:\n"
        "    value: float\n"
        "    unit: str = 'count'\n\n"
        "@lru_cache(maxsize=16)\n"
        "def words(text: str) -> tuple[str, ...]:\n"
        "    return tuple(w.lower() for w in text.split() if w.isalpha())\n\n"
        "def total(values: list[int]) -> int:\n"
        "    return sum(v * v for v in values)\n"
    )
    (package / "probe_module.py").write_text(source, encoding="utf-8")
    directory = tmp_path / "build"
    entries = build_compiled.build(["probe_module"], directory, jobs=1, package_dir=package)
    finder = compiled.CompiledFinder(directory, entries, package_dir=package)
    spec = finder.find_spec("indicators.extract.probe_module")
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:  # a compiled module enters itself in sys.modules: not the extractor's
        sys.modules.pop("indicators.extract.probe_module", None)
    assert module.__file__.endswith(compiled.sysconfig.get_config_var("EXT_SUFFIX"))
    assert type(module.total).__name__ != "function"  # compiled, not Python bytecode
    assert module.total([1, 2, 3]) == 14
    assert module.words("Some 40 people Fled") == ("some", "people", "fled")
    assert module.Figure(2.5).unit == "count"
    assert entries["probe_module"]["sha256"] == compiled.source_digest(package / "probe_module.py")


def _compiled_in_use() -> list[str]:
    import indicators.extract.pipeline  # noqa: F401 - imports the extractor's modules

    in_use = compiled.loaded_compiled()
    if not in_use:
        if REQUIRED:
            pytest.fail(
                "the compiled extractor is required here (INDICATORS_REQUIRE_COMPILED), but none "
                "of its modules was loaded compiled: run python -m indicators.extract.build_compiled"
            )
        pytest.skip("no current compiled build (python -m indicators.extract.build_compiled)")
    return in_use


def test_every_hot_module_runs_compiled_when_the_build_is_current():
    in_use = _compiled_in_use()
    stale = build_compiled.stale_modules(compiled.build_dir())
    imported = sorted(
        name.rpartition(".")[2]
        for name in sys.modules
        if name.startswith("indicators.extract.")
        and name.rpartition(".")[2] in compiled.compilable_modules()
    )
    assert sorted(set(imported) - set(stale)) == in_use
    for name in ("pipeline", "figures", "sentence_reading", "numbers", "dates", "attribution"):
        assert name in in_use or name in stale


def test_the_compiled_extractor_proposes_what_plain_python_does(tmp_path):
    _compiled_in_use()
    dataset = synthetic.cached(tmp_path / "synthetic", 600, seed=7).folder
    compiled_dump = json.loads(extraction_dump.dump(dataset))
    environment = {**os.environ, compiled.PURE_PYTHON_VARIABLE: "1"}
    done = subprocess.run(
        [sys.executable, str(Path(extraction_dump.__file__)), str(dataset)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pure_dump = json.loads(done.stdout)
    assert sorted(pure_dump) == sorted(compiled_dump)
    assert len(compiled_dump) >= 80  # fixtures, wrapped fixtures and synthetic reports
    different = [name for name in compiled_dump if compiled_dump[name] != pure_dump[name]]
    assert different == []
    assert sum(len(r["extraction"]["observations"]) for r in compiled_dump.values()) > 500
