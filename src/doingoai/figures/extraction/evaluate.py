"""Scoring extracted figures against an annotated set (used by the tests and the benchmark).

A prediction matches an annotation when everything that carries meaning is equal (document,
indicator, value, unit, denominator, qualifier, period, place) and the two spans overlap: the
exact extent of "the words that state the figure" is a matter of taste, the figure is not.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"
SEEDS = DATA / "seeds"
ANNOTATIONS = DATA / "seed_annotations.jsonl"
#: Articles of other provinces and years, written and annotated apart from the rules (see
#: data/ANNOTATIONS.md, "The held-out set").
HELDOUT = DATA / "heldout"
HELDOUT_ANNOTATIONS = DATA / "heldout_annotations.jsonl"
MATCH_FIELDS = ("doc", "indicator", "value", "unit", "of", "qualifier", "period", "place")

__all__ = [
    "Score",
    "score",
    "score_set",
    "load_annotations",
    "seed_paths",
    "heldout_paths",
    "MATCH_FIELDS",
    "PressScore",
    "score_press",
    "score_press_split",
    "press_paths",
    "press_predictions",
    "place_key",
    "family",
]


@dataclass
class Score:
    true_positives: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.spurious)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + len(self.misses)
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self) -> str:
        lines = [f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"]
        lines += ["MISS     " + _brief(d) for d in self.misses]
        lines += ["SPURIOUS " + _brief(d) for d in self.spurious]
        return "\n".join(lines)


def _brief(d: dict[str, Any]) -> str:
    keys = MATCH_FIELDS + ("start", "end", "text")
    return json.dumps({k: d.get(k) for k in keys}, ensure_ascii=False)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in MATCH_FIELDS) and (
        a["start"] < b["end"] and b["start"] < a["end"]
    )


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Score:
    """One-to-one matching of predictions to annotations (dicts in the exchange format)."""
    result = Score()
    unmatched = list(predicted)
    for wanted in gold:
        for i, got in enumerate(unmatched):
            if _same(wanted, got):
                result.true_positives += 1
                del unmatched[i]
                break
        else:
            result.misses.append(wanted)
    result.spurious = unmatched
    return result


def load_annotations(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def heldout_paths() -> list[Path]:
    return sorted(HELDOUT.glob("*.txt"))


def score_set(paths: list[Path], annotations: Path) -> Score:
    """Run the extractor over ``paths`` and score it against ``annotations``."""
    from .extract import extract

    predicted = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        predicted += [f.to_dict() for f in extract(text, doc=path.name)]
    return score(load_annotations(annotations), predicted)


# --- the real press corpus (data/press/README.md) --------------------------------------------

PRESS = DATA / "press"
PRESS_MANIFEST = PRESS / "MANIFEST.tsv"
#: Indicators scored as one in the *family* score: the basis of an NGO amount, and whether NGO
#: projects are new or all of them, are the hard calls; the strict score asks for them too.
FAMILY = {
    "ngo.amount_committed": "ngo.amount",
    "ngo.amount_disbursed": "ngo.amount",
    "ngo.amount_total": "ngo.amount",
    "ngo.projects_signed": "ngo.projects",
}
_CITY_PREFIX = re.compile(r"^(?:thành phố|tp\.?)\s*", re.IGNORECASE)
_CITY_NAMES = {"hcm": "hồ chí minh", "hồ chí minh": "hồ chí minh"}


def family(indicator: str) -> str:
    return FAMILY.get(indicator, indicator)


def place_key(place: str | None) -> str | None:
    """One spelling for one place: "TP.HCM", "TP. HCM" and "TP Hồ Chí Minh" are the same city,
    "Bà Rịa - Vũng Tàu" and "Bà Rịa-Vũng Tàu" the same province, "(mới)" and "(cũ)" aside."""
    if place is None:
        return None
    key = unicodedata.normalize("NFC", place).lower()
    key = re.sub(r"\((?:mới|cũ)\)", "", key)
    key = re.sub(r"\s*[-–]\s*", "-", key).strip()
    key = _CITY_PREFIX.sub("", key)
    return _CITY_NAMES.get(key, key)


def _number(value: Any) -> Decimal:
    return Decimal(str(value)).normalize()


@dataclass
class PressScore:
    """Family and strict precision/recall, and how often the period and place are right."""

    gold: int = 0
    predicted: int = 0
    family_matches: int = 0
    strict_matches: int = 0
    period_right: int = 0
    place_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    #: (gold, predicted) pairs that match in family but differ in indicator, period or place
    wrong: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, found: int, wanted: int) -> tuple[float, float, float]:
        p = tp / found if found else 1.0
        r = tp / wanted if wanted else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def family(self) -> tuple[float, float, float]:
        return self._f1(self.family_matches, self.predicted, self.gold)

    @property
    def strict(self) -> tuple[float, float, float]:
        return self._f1(self.strict_matches, self.predicted, self.gold)

    @property
    def period_accuracy(self) -> float:
        return self.period_right / self.family_matches if self.family_matches else 1.0

    @property
    def place_accuracy(self) -> float:
        return self.place_right / self.family_matches if self.family_matches else 1.0

    def summary(self) -> str:
        fp, fr, ff = self.family
        sp, sr, sf = self.strict
        return (
            f"family P={fp:.3f} R={fr:.3f} F1={ff:.3f}  strict P={sp:.3f} R={sr:.3f} "
            f"F1={sf:.3f}  period right {self.period_accuracy:.0%}  "
            f"place right {self.place_accuracy:.0%}  ({self.gold} figures, "
            f"{self.predicted} found)"
        )

    def report(self) -> str:
        lines = [self.summary()]
        lines += ["MISS     " + _brief(d) for d in self.misses]
        lines += ["SPURIOUS " + _brief(d) for d in self.spurious]
        for gold, got in self.wrong:
            diff = {
                k: (gold.get(k), got.get(k))
                for k in ("indicator", "period", "place")
                if (place_key(gold[k]) != place_key(got[k]) if k == "place" else gold[k] != got[k])
            }
            lines.append(f"WRONG    {gold['doc']} {gold['text']!r}: {diff}")
        return "\n".join(lines)


def _preference(wanted: dict[str, Any], got: dict[str, Any]) -> tuple[bool, bool, bool]:
    overlap = wanted["start"] < got["end"] and got["start"] < wanted["end"]
    return (got["indicator"] != wanted["indicator"], got["period"] != wanted["period"], not overlap)


def score_press(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> PressScore:
    """Pair predictions with annotations by document, indicator family, value and unit.

    A figure the text states twice is one figure wherever its words are (a title and the body),
    so spans only break ties: among the candidates the one with the same indicator, then the one
    whose span overlaps, is taken.
    """
    result = PressScore(gold=len(gold), predicted=len(predicted))
    unused = list(predicted)
    for wanted in gold:
        key = (wanted["doc"], family(wanted["indicator"]), _number(wanted["value"]), wanted["unit"])
        candidates = [
            (i, got)
            for i, got in enumerate(unused)
            if (got["doc"], family(got["indicator"]), _number(got["value"]), got["unit"]) == key
        ]
        if not candidates:
            result.misses.append(wanted)
            continue

        i, got = min(candidates, key=lambda item: _preference(wanted, item[1]))
        del unused[i]
        result.family_matches += 1
        strict = got["indicator"] == wanted["indicator"]
        period = got["period"] == wanted["period"]
        place = place_key(got["place"]) == place_key(wanted["place"])
        result.strict_matches += strict
        result.period_right += period
        result.place_right += place
        if not (strict and period and place):
            result.wrong.append((wanted, got))
    result.spurious = unused
    return result


def press_paths(split: str) -> list[Path]:
    return sorted((PRESS / split).glob("*.txt"))


def press_dates() -> dict[str, date | None]:
    """Publication dates from the manifest; a month alone is read as its first day."""
    dates: dict[str, date | None] = {}
    with PRESS_MANIFEST.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = row["published"].strip()
            if len(text) == 7:
                text += "-01"
            dates[Path(row["file"]).name] = date.fromisoformat(text) if text else None
    return dates


def press_predictions(split: str, extractor: Callable[..., list[Any]] | None = None):
    """Run ``extractor`` (default: :func:`extract.extract`) over one part of the press corpus."""
    if extractor is None:
        from .extract import extract as extractor
    dates = press_dates()
    predicted = []
    for path in press_paths(split):
        text = path.read_text(encoding="utf-8")
        for figure in extractor(text, doc=path.name, published=dates.get(path.name)):
            predicted.append(figure if isinstance(figure, dict) else figure.to_dict())
    return predicted


def score_press_split(split: str, extractor: Callable[..., list[Any]] | None = None) -> PressScore:
    gold = load_annotations(PRESS / f"{split}_annotations.jsonl")
    return score_press(gold, press_predictions(split, extractor))
