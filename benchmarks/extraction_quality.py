"""Precision and recall of the extractor on reports whose figures an analyst wrote down.

    python benchmarks/extraction_quality.py [--verbose] [--min-precision P] [--min-recall R]

Reports: every `NAME.txt` with a `NAME.expected.json` in tests/fixtures/reports and, as their
own group, in tests/fixtures/reports/unseen (reports written after the rules), and the seed
reports of ../shared/seeds (when that folder exists) against the rows of data/ that cite them.

What counts as a match (one expected row to at most one candidate):
- an observation matches when the indicator id, the value with its bounds (value, value_low,
  value_high, within 0.05), the qualifier, the period (start, end and both precisions) and
  the attribution are all the same;
- an event matches when the kind, the start and end with their precisions, and the
  attribution are the same. For the seed reports, a date the report does not state (its
  `*_as_stated` column is empty in data/, e.g. taken from another source) is not compared.
Precision = matched / candidates emitted; recall = matched / rows expected. Unit accuracy =
matched observations whose unit is the expected one / matched observations whose golden row
fixes a unit ("500-day mark" in days, "US$ 120 million" in usd, "1.8 deaths per 10,000 people
per day" per 10,000 people per day). Location accuracy = matched rows whose place is the
expected one / matched rows whose golden row names a place; a place stated more narrowly in
the golden row than the text names it near the figure counts as right when it is one of the
golden place's comma-separated parts ("Qatar" for "Doha, Qatar"). Speaker accuracy = matched
rows / rows that have a candidate the same in everything but the attribution (a figure read
right and credited to the wrong speaker counts against it). Totals add up rows over all
reports (micro-average).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from indicators.extract.catalogue import Catalogue  # noqa: E402
from indicators.extract.pipeline import extract  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "reports"
# Reports written after the rules, in genres the rules were not written for: the measure of
# how the extractor does on text it has never seen (tests/fixtures/reports/README.md).
UNSEEN = FIXTURES / "unseen"
SEEDS = REPO.parent / "shared" / "seeds"
DATA = REPO / "data"
TOLERANCE = 0.05
PERIOD_KEYS = ("period_start", "period_end", "period_precision", "period_end_precision")
EVENT_DATE_KEYS = ("start", "start_precision", "end", "end_precision")


@dataclass
class ReportScore:
    name: str
    expected: int = 0
    emitted: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    units_checked: int = 0
    units_right: int = 0
    unit_errors: list[str] = field(default_factory=list)
    locations_checked: int = 0
    locations_right: int = 0
    location_errors: list[str] = field(default_factory=list)
    speakers_checked: int = 0
    speakers_right: int = 0
    speaker_errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.emitted if self.emitted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def unit_accuracy(self) -> float:
        return self.units_right / self.units_checked if self.units_checked else 1.0

    @property
    def location_accuracy(self) -> float:
        return self.locations_right / self.locations_checked if self.locations_checked else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_checked if self.speakers_checked else 1.0


def _number(value) -> float | None:
    if value in (None, ""):
        return None
    return float(value)


def _same_number(a, b) -> bool:
    a, b = _number(a), _number(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE * max(1.0, abs(b) * 1e-6 / TOLERANCE if abs(b) > 1e4 else 1.0)


def observation_differences(expected: dict, got: dict) -> list[str]:
    """The fields in which a candidate differs from an expected observation."""
    differences = []
    if expected["indicator_id"] != got["indicator_id"]:
        differences.append("indicator_id")
    for key in ("value", "value_low", "value_high"):
        if not _same_number(expected.get(key), got.get(key)):
            differences.append(key)
    if (expected.get("qualifier") or "") != (got.get("qualifier") or ""):
        differences.append("qualifier")
    for key in PERIOD_KEYS:
        if (expected.get(key) or "") != (got.get(key) or ""):
            differences.append(key)
    if expected.get("attributed_to") != got.get("attributed_to"):
        differences.append("attributed_to")
    return differences


def event_differences(expected: dict, got: dict, stated_only: bool = False) -> list[str]:
    differences = []
    if expected["kind"] != got["kind"]:
        differences.append("kind")
    for side in ("start", "end"):
        if stated_only and not expected.get(f"{side}_as_stated"):
            continue
        for key in (side, f"{side}_precision"):
            if (expected.get(key) or "") != (got.get(key) or ""):
                differences.append(key)
    if expected.get("attributed_to") != got.get("attributed_to"):
        differences.append("attributed_to")
    return differences


def same_place(expected: str, got: str) -> bool:
    """Whether a candidate's place is the expected one, or one of its comma-separated parts."""
    expected, got = (expected or "").strip(), (got or "").strip()
    return got == expected or got in (part.strip() for part in expected.split(","))


def _match(expected_rows, got_rows, differ, describe, score: ReportScore) -> None:
    used: set[int] = set()
    for expected in expected_rows:
        best = None
        for index, got in enumerate(got_rows):
            if index in used:
                continue
            differences = differ(expected, got)
            if best is None or len(differences) < len(best[1]):
                best = (index, differences)
            if not differences:
                break
        if best is not None and not best[1]:
            used.add(best[0])
            score.matched += 1
            score.speakers_checked += 1
            score.speakers_right += 1
            if expected.get("unit"):
                got_unit = got_rows[best[0]].get("unit")
                score.units_checked += 1
                if got_unit == expected["unit"]:
                    score.units_right += 1
                else:
                    score.unit_errors.append(
                        f"{describe(expected)}: unit {got_unit!r} not {expected['unit']!r}"
                    )
            if expected.get("location"):
                got_place = got_rows[best[0]].get("location")
                score.locations_checked += 1
                if same_place(expected["location"], got_place):
                    score.locations_right += 1
                else:
                    score.location_errors.append(
                        f"{describe(expected)}: place {got_place!r} not {expected['location']!r}"
                    )
        else:
            near = ""
            if best is not None and best[1] == ["attributed_to"]:
                score.speakers_checked += 1
                score.speaker_errors.append(
                    f"{describe(expected)}: credited to {got_rows[best[0]].get('attributed_to')!r}"
                )
            if best is not None:
                got = got_rows[best[0]]
                near = "; nearest differs in " + ", ".join(
                    f"{key} ({got.get(key)!r} not {expected.get(key)!r})" for key in best[1]
                )
            score.misses.append(describe(expected) + near)
    score.extras += [describe(got) for index, got in enumerate(got_rows) if index not in used]


def _describe_observation(row: dict) -> str:
    return f"{row['indicator_id']} {row.get('qualifier') or ''} {row.get('value')} by {row.get('attributed_to')}".replace(
        "  ", " "
    )


def _describe_event(row: dict) -> str:
    return f"{row['kind']} {row.get('start') or '…'}–{row.get('end') or '…'} by {row.get('attributed_to')}"


def _candidates(
    text: str, published: date, publisher: str, catalogue: Catalogue
) -> tuple[list, list]:
    result = extract(text, published, publisher=publisher, catalogue=catalogue).as_dict()
    return result["observations"], result["events"]


def score_fixtures(folder: Path = FIXTURES) -> list[ReportScore]:
    """The reports of `folder` against their golden files, with the catalogue of data/, the
    fixtures' own and, for a subfolder (`unseen/`), the subfolder's too."""
    paths = [DATA / "indicators.csv", FIXTURES / "indicators.csv"]
    if folder != FIXTURES:
        paths.append(folder / "indicators.csv")
    catalogue = Catalogue.from_csv(*paths)
    scores = []
    for golden_path in sorted(folder.glob("*.expected.json")):
        name = golden_path.name.removesuffix(".expected.json")
        golden = json.loads(golden_path.read_text("utf-8"))
        text = (folder / f"{name}.txt").read_text("utf-8")
        observations, events = _candidates(
            text, date.fromisoformat(golden["published"]), golden["publisher"], catalogue
        )
        score = ReportScore(
            name,
            len(golden["observations"]) + len(golden["events"]),
            len(observations) + len(events),
        )
        _match(
            golden["observations"],
            observations,
            observation_differences,
            _describe_observation,
            score,
        )
        _match(golden["events"], events, event_differences, _describe_event, score)
        scores.append(score)
    return scores


def score_seeds(seeds: Path = SEEDS, data: Path = DATA) -> list[ReportScore]:
    """The seed reports against the rows of data/ that cite them."""
    if not seeds.is_dir():
        return []
    catalogue = Catalogue.from_csv(data / "indicators.csv")

    def rows(name: str) -> list[dict]:
        with open(data / name, encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    import hashlib

    by_hash = {}
    for path in sorted(seeds.glob("*.txt")):
        by_hash[hashlib.sha256(path.read_bytes()).hexdigest()] = path
    observations_all, events_all = rows("observations.csv"), rows("events.csv")
    scores = []
    for source in rows("sources.csv"):
        path = by_hash.get(source["text_sha256"])
        if path is None:
            continue
        text = path.read_bytes().decode("utf-8")
        observations, events = _candidates(
            text, date.fromisoformat(source["published"]), source["publisher"], catalogue
        )
        expected_observations = [
            r for r in observations_all if r["source_id"] == source["source_id"]
        ]
        expected_events = [r for r in events_all if r["source_id"] == source["source_id"]]
        score = ReportScore(
            f"seed {path.name}",
            len(expected_observations) + len(expected_events),
            len(observations) + len(events),
        )
        _match(
            expected_observations,
            observations,
            observation_differences,
            _describe_observation,
            score,
        )
        _match(
            expected_events,
            events,
            lambda e, g: event_differences(e, g, stated_only=True),
            _describe_event,
            score,
        )
        scores.append(score)
    return scores


def totals(scores: list[ReportScore]) -> ReportScore:
    total = ReportScore("total")
    for score in scores:
        total.expected += score.expected
        total.emitted += score.emitted
        total.matched += score.matched
        total.units_checked += score.units_checked
        total.units_right += score.units_right
        total.locations_checked += score.locations_checked
        total.locations_right += score.locations_right
        total.speakers_checked += score.speakers_checked
        total.speakers_right += score.speakers_right
    return total


def _units(score: ReportScore) -> str:
    return f"{score.unit_accuracy:.3f}" if score.units_checked else "-"


def _places(score: ReportScore) -> str:
    return f"{score.location_accuracy:.3f}" if score.locations_checked else "-"


def _speakers(score: ReportScore) -> str:
    return f"{score.speaker_accuracy:.3f}" if score.speakers_checked else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list missed and extra rows")
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    args = parser.parse_args(argv)
    groups = [
        ("fixture reports", score_fixtures()),
        ("unseen reports", score_fixtures(UNSEEN)),
        ("seed reports", score_seeds()),
    ]
    print(
        f"{'report':44} {'expected':>8} {'emitted':>8} {'matched':>8} {'precision':>9} {'recall':>7}"
        f" {'units':>6} {'places':>6} {'speakers':>8}"
    )
    overall = []
    for title, scores in groups:
        if not scores:
            print(f"({title}: none found)")
            continue
        for score in scores + [totals(scores)]:
            label = score.name if score.name != "total" else f"-- {title}"
            print(
                f"{label:44} {score.expected:>8} {score.emitted:>8} {score.matched:>8} "
                f"{score.precision:>9.3f} {score.recall:>7.3f} {_units(score):>6}"
                f" {_places(score):>6} {_speakers(score):>8}"
            )
            if args.verbose and score.name != "total":
                for miss in score.misses:
                    print(f"    missed: {miss}")
                for error in score.unit_errors:
                    print(f"    unit:   {error}")
                for error in score.location_errors:
                    print(f"    place:  {error}")
                for error in score.speaker_errors:
                    print(f"    speaker: {error}")
                for extra in score.extras:
                    print(f"    extra:  {extra}")
        overall += scores
    total = totals(overall)
    print(
        f"{'== overall':44} {total.expected:>8} {total.emitted:>8} {total.matched:>8} "
        f"{total.precision:>9.3f} {total.recall:>7.3f} {_units(total):>6}"
        f" {_places(total):>6} {_speakers(total):>8}"
    )
    if total.precision < args.min_precision or total.recall < args.min_recall:
        print(
            f"below the line: precision {total.precision:.3f} (min {args.min_precision}), "
            f"recall {total.recall:.3f} (min {args.min_recall})",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
