"""The extractor's modules compiled by Cython, used in place of their source when built.

The extractor is plain Python, and it runs as such. `python -m indicators.extract.build_compiled`
compiles the same source files with Cython into `build/compiled/<interpreter>/`, beside a
manifest of each source file's SHA-256. On import, a compiled module is used only when:
- it was built for this interpreter (same implementation, version and platform), and
- its source file is byte for byte the one it was built from.
A module whose source has changed since is imported from its source, as if nothing had been
built, so a stale build can never run in place of the code. With INDICATORS_PURE_PYTHON=1 set,
no compiled module is used.

Nothing here raises: a missing, unreadable or foreign build means plain Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from importlib.abc import MetaPathFinder
from importlib.machinery import ExtensionFileLoader, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path

PACKAGE = "indicators.extract"
PACKAGE_DIR = Path(__file__).resolve().parent
BUILD_ROOT = PACKAGE_DIR.parents[1] / "build" / "compiled"
MANIFEST = "manifest.json"
PURE_PYTHON_VARIABLE = "INDICATORS_PURE_PYTHON"
# Modules never compiled: this one and the package's own, which load the others.
NOT_COMPILED = frozenset({"__init__", "compiled", "build_compiled"})


def interpreter() -> str:
    """This interpreter's tag, as its extension modules are named: 'cpython-311-x86_64-linux-gnu'."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    tag = suffix.removeprefix(".").removesuffix(".so").removesuffix(".pyd")
    return tag or sys.implementation.cache_tag


def build_dir(root: Path = BUILD_ROOT) -> Path:
    return root / interpreter()


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compilable_modules(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The names of the package's modules that are compiled (every one but `NOT_COMPILED`)."""
    return sorted(p.stem for p in package_dir.glob("*.py") if p.stem not in NOT_COMPILED)


def read_manifest(directory: Path) -> dict:
    """The build's manifest, or {} when there is none or it is not one this interpreter made."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("interpreter") != interpreter():
        return {}
    modules = manifest.get("modules")
    return manifest if isinstance(modules, dict) else {}


class CompiledFinder(MetaPathFinder):
    """Finds `indicators.extract.<module>` in the build when its source is unchanged."""

    def __init__(self, directory: Path, modules: dict, package_dir: Path = PACKAGE_DIR):
        self.directory = directory
        self.modules = modules
        self.package_dir = package_dir

    def find_spec(self, fullname, path=None, target=None) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in self.modules:
            return None
        entry = self.modules[name]
        try:
            compiled = self.directory / entry["file"]
            fresh = source_digest(self.package_dir / f"{name}.py") == entry["sha256"]
        except (OSError, KeyError, TypeError):
            return None
        if not fresh or not compiled.is_file():
            return None  # changed since the build, or never built: the source, as usual
        loader = ExtensionFileLoader(fullname, str(compiled))
        return spec_from_file_location(fullname, compiled, loader=loader)


def install(root: Path = BUILD_ROOT) -> CompiledFinder | None:
    """Puts the compiled modules of this interpreter's build first on the import path, unless
    INDICATORS_PURE_PYTHON is set or there is no build. Returns the finder, or None."""
    if os.environ.get(PURE_PYTHON_VARIABLE, "").strip() not in ("", "0"):
        return None
    if any(isinstance(finder, CompiledFinder) for finder in sys.meta_path):
        return None
    directory = build_dir(root)
    manifest = read_manifest(directory)
    if not manifest:
        return None
    finder = CompiledFinder(directory, manifest["modules"])
    sys.meta_path.insert(0, finder)
    return finder


def loaded_compiled() -> list[str]:
    """The extractor's modules imported so far from a compiled build, by name."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    return sorted(
        name.rpartition(".")[2]
        for name, module in list(sys.modules.items())
        if name.startswith(PACKAGE + ".")
        and str(getattr(module, "__file__", "") or "").endswith(suffix)
    )
