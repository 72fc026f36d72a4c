"""Every candidate the extractor proposes on a set of reports, as one JSON text, so two ways
of running it (plain Python and compiled, `tests/test_extract_compiled.py`) can be compared.

    python tests/extraction_dump.py SYNTHETIC_DATASET_DIR   # prints the JSON

The reports: every report fixture (the golden ones, the unseen ones, and each of them
hard-wrapped at 72 characters), the seed reports when they are beside the repository, and the
synthetic reports of a dataset (`benchmarks.synthetic`).
"""

from __future__ import annotations

import json
import sys
import textwrap
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from indicators.extract.catalogue import Catalogue  # noqa: E402
from indicators.extract.pipeline import extract  # noqa: E402

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "reports"
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
PUBLISHED = date(2025, 7, 20)


def _wrapped(text: str, width: int = 72) -> str:
    return "\n\n".join(
        textwrap.fill(paragraph, width) for paragraph in text.split("\n\n") if paragraph
    )


def reports(synthetic: Path | None) -> list[tuple[str, str, date, str, Catalogue]]:
    """(name, text, published, publisher, catalogue) of every report dumped."""
    data = REPO_ROOT / "data" / "indicators.csv"
    found = []
    for folder in (FIXTURES, FIXTURES / "unseen"):
        paths = [data, FIXTURES / "indicators.csv"]
        if folder != FIXTURES:
            paths.append(folder / "indicators.csv")
        catalogue = Catalogue.from_csv(*paths)
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            found.append((path.name, text, PUBLISHED, "Fixture", catalogue))
            found.append((f"{path.name} wrapped", _wrapped(text), PUBLISHED, "Fixture", catalogue))
    seeds = Catalogue.from_csv(data)
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else ():
        found.append((path.name, path.read_text(encoding="utf-8"), PUBLISHED, "Seed", seeds))
    if synthetic is not None:
        from benchmarks.extraction import gather_reports

        catalogue = Catalogue.from_csv(synthetic / "data" / "indicators.csv")
        for number, (text, published, publisher) in enumerate(gather_reports(synthetic, 0.3)):
            found.append((f"synthetic {number}", text, published, publisher, catalogue))
    return found


def dump(synthetic: Path | None = None) -> str:
    """The candidates and failures of every report, as one JSON text."""
    out = {}
    for name, text, published, publisher, catalogue in reports(synthetic):
        result = extract(text, published, publisher=publisher, catalogue=catalogue)
        out[name] = {
            "extraction": result.as_dict(),
            "failures": [str(failure) for failure in result.failures],
        }
    return json.dumps(out, sort_keys=True, default=str)


if __name__ == "__main__":
    print(dump(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
