"""Compile the extractor's modules with Cython, for faster bulk extraction.

    python -m indicators.extract.build_compiled [--jobs N] [--clean] [--check]

Needs Cython (in requirements-dev.txt) and a C compiler. Each module of `indicators/extract/`
is compiled from its unchanged source, its annotations read as types (`annotation_typing`): a
parameter annotated `str` is then checked once on entry, and its `in`, `.find`, slices and
`len` are direct calls instead of looked-up methods. So an annotation is a promise there: a
parameter annotated `str`, `list` or a class refuses another type (TypeError), one annotated
`int` or `bool` takes `int(x)` or `bool(x)` of what it is given. A module that annotates
anything `float` (a C double in Cython), or that `UNTYPED` names, is compiled with its
annotations read as documentation only (`typed_annotations`). The tests compare the compiled
and plain extractor on every report fixture. Only the modules whose source or directives
changed since the last build are compiled again. The build goes to `build/compiled/<interpreter>/`
with a manifest of each source's SHA-256 and directives; `compiled` uses it (see there), and
the source of any module edited since.

--check lists which modules a build holds, and which of them are stale; --clean removes the
build of this interpreter.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from indicators.extract import compiled

# Compiled as Python 3 code, annotations read as types (see the module's doc), but in the
# modules `typed_annotations` declines.
DIRECTIVES = {"language_level": 3, "annotation_typing": True}
# Modules that annotate a name with one type and assign it another (Cython refuses them).
UNTYPED = frozenset({"catalogue"})
# Annotations Cython converts to rather than checks: a `float` parameter is a C double there
# (an int passed in comes back a float, "1000000.0" where Python says "1000000").
_CONVERTED_ANNOTATIONS = frozenset({"float", "complex"})


def typed_annotations(name: str, package_dir: Path = compiled.PACKAGE_DIR) -> bool:
    """Are the module's annotations read as types? Not in `UNTYPED`, nor where any annotation
    names one of `_CONVERTED_ANNOTATIONS` (parameters, returns, variables and fields alike)."""
    if name in UNTYPED:
        return False
    tree = ast.parse((package_dir / f"{name}.py").read_bytes())
    for node in ast.walk(tree):
        annotations = []
        if isinstance(node, (ast.arg, ast.AnnAssign)):
            annotations.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotations.append(node.returns)
        for annotation in annotations:
            for part in ast.walk(annotation) if annotation is not None else ():
                if isinstance(part, ast.Name) and part.id in _CONVERTED_ANNOTATIONS:
                    return False
    return True


def directives(name: str, package_dir: Path = compiled.PACKAGE_DIR) -> dict:
    """The compiler directives of one module."""
    return {**DIRECTIVES, "annotation_typing": typed_annotations(name, package_dir)}


def stale_modules(directory: Path, package_dir: Path = compiled.PACKAGE_DIR) -> list[str]:
    """The compilable modules that the build lacks or holds from another source."""
    built = compiled.read_manifest(directory).get("modules", {})
    stale = []
    for name in compiled.compilable_modules(package_dir):
        entry = built.get(name)
        source = package_dir / f"{name}.py"
        if (
            not isinstance(entry, dict)
            or entry.get("sha256") != compiled.source_digest(source)
            or entry.get("directives") != directives(name, package_dir)
            or not (directory / str(entry.get("file", ""))).is_file()
        ):
            stale.append(name)
    return stale


def build(
    names: list[str],
    directory: Path,
    jobs: int = 2,
    package_dir: Path = compiled.PACKAGE_DIR,
) -> dict[str, dict]:
    """Compiles the named modules into `directory`; returns their manifest entries. The
    sources are copied first, and each entry holds the digest of the bytes compiled."""
    from Cython import __version__ as cython_version
    from Cython.Build import cythonize
    from setuptools import Distribution

    entries: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="indicators-compile-") as work:
        root = Path(work)
        package = root / "indicators" / "extract"
        package.mkdir(parents=True)
        # the package files name each module 'indicators.extract.<name>', as it is imported
        (root / "indicators" / "__init__.py").write_text("", encoding="utf-8")
        (package / "__init__.py").write_text("", encoding="utf-8")
        for name in names:
            data = (package_dir / f"{name}.py").read_bytes()
            (package / f"{name}.py").write_bytes(data)
            entries[name] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "directives": directives(name, package_dir),
            }
        with _working_directory(root):
            extensions = []
            for typed in (True, False):  # cythonize takes one set of directives per call
                group = [n for n in names if entries[n]["directives"]["annotation_typing"] is typed]
                if group:
                    extensions += cythonize(
                        [f"indicators/extract/{name}.py" for name in group],
                        compiler_directives={**DIRECTIVES, "annotation_typing": typed},
                        nthreads=jobs,
                        quiet=True,
                    )
            distribution = Distribution({"name": "indicators-compiled", "ext_modules": extensions})
            command = distribution.get_command_obj("build_ext")
            command.build_lib = str(root / "lib")
            command.build_temp = str(root / "temp")
            command.parallel = jobs
            command.ensure_finalized()
            command.run()
            for name in names:
                built = Path(command.get_ext_fullpath(f"{compiled.PACKAGE}.{name}"))
                entries[name]["file"] = built.name
                directory.mkdir(parents=True, exist_ok=True)
                staged = directory / f".{built.name}.tmp"
                shutil.copyfile(built, staged)
                os.replace(staged, directory / built.name)
        for entry in entries.values():
            entry["cython"] = cython_version
    return entries


def write_manifest(directory: Path, entries: dict[str, dict], keep: list[str]) -> None:
    """Writes the manifest (atomically): the new entries, with the old ones of `keep`."""
    modules = {
        name: entry
        for name, entry in compiled.read_manifest(directory).get("modules", {}).items()
        if name in keep
    }
    modules.update(entries)
    manifest = {"interpreter": compiled.interpreter(), "python": sys.version, "modules": modules}
    staged = directory / f".{compiled.MANIFEST}.tmp"
    staged.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(staged, directory / compiled.MANIFEST)


@contextlib.contextmanager
def _working_directory(path: Path):
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="compilers at once")
    parser.add_argument("--clean", action="store_true", help="remove this interpreter's build")
    parser.add_argument(
        "--check", action="store_true", help="list the build's state, change it not"
    )
    args = parser.parse_args(argv)
    directory = compiled.build_dir()
    if args.clean:
        shutil.rmtree(directory, ignore_errors=True)
        print(f"removed {directory}")
        return 0
    stale = stale_modules(directory)
    current = [n for n in compiled.compilable_modules() if n not in stale]
    if args.check:
        print(f"{directory}: {len(current)} modules compiled from their current source")
        for name in stale:
            print(f"  not compiled, or compiled from another source: {name}.py")
        return 0
    if not stale:
        print(f"{directory}: all {len(current)} modules compiled from their current source")
        return 0
    try:
        import Cython  # noqa: F401 - only to say clearly what is missing
    except ImportError:
        print(
            "error: Cython is not installed (pip install -r requirements-dev.txt); "
            "the extractor runs as plain Python",
            file=sys.stderr,
        )
        return 1
    print(f"compiling {len(stale)} modules into {directory} ...", flush=True)
    try:
        entries = build(stale, directory, jobs=max(1, args.jobs))
    except (Exception, SystemExit) as error:  # a compiler's failure, said in one line
        print(
            f"error: the compilation failed ({error}); the extractor runs as plain Python",
            file=sys.stderr,
        )
        return 1
    write_manifest(directory, entries, keep=current)
    print(f"compiled {len(entries)} modules; {len(current)} were current")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
