"""Scoring extracted figures against an annotated set (used by the tests and the benchmark).

A prediction matches an annotation when everything that carries meaning is equal (document,
indicator, value, unit, denominator, qualifier, period, place) and the two spans overlap: the
exact extent of "the words that state the figure" is a matter of taste, the figure is not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
