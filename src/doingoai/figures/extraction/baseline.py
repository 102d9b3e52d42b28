"""A plain keyword baseline, scored beside the extractor so that its numbers mean something.

Every number with a scale and a currency, or followed by a known head noun, becomes a figure of
the indicator whose keyword stands nearest before it in its sentence; its period is the last
year written before it in the sentence, its place the province the document names most. No
masks, windows, parts, comparisons, targets or relative periods: what a reader skimming for
keywords would write down.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from . import numbers as nums
from .normalize import fold, nfc
from .places import PROVINCES

__all__ = ["keyword_baseline"]

_N = nums.NUMBER
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<num>{_N})(?P<scale>(?:\s*(?:{nums.SCALE})(?!\w))*)\s*"
    rf"(?:(?P<cur>{nums.CURRENCY})|(?P<km>km)(?!\w)|(?P<noun>\w+(?:\s+\w+)?))"
)
#: head noun after a count -> (indicator, unit); checked in this order
_NOUNS = (
    ("lượt người", "delegations.incoming_persons", "persons"),
    ("lượt cán bộ", "delegations.outgoing_persons", "persons"),
    ("đoàn", "delegations.incoming", "count"),
    ("thỏa thuận", "agreements.signed", "count"),
    ("hội nghị", "conferences.organised", "count"),
    ("tổ chức phi", "ngo.organisations", "count"),
    ("tổ chức", "ngo.organisations", "count"),
    ("vụ việc", "consular.cases", "count"),
    ("ngư dân", "consular.persons", "persons"),
    ("công dân", "consular.persons", "persons"),
    ("người nước", "foreigners.resident", "persons"),
    ("cặp", "friendship.village_pairs", "count"),
    ("đồn", "friendship.border_posts", "count"),
    ("hội hữu", "friendship.associations", "count"),
    ("tỉnh", "partners.foreign_localities", "count"),
    ("khoản", "ngo.projects", "count"),
    ("chương trình", "ngo.projects", "count"),
    ("dự án", "ngo.projects", "count"),
)
#: keyword before a project count or an amount -> its domain
_DOMAINS = (("fdi", "fdi"), ("nước ngoài", "fdi"), ("oda", "oda"), ("phi chính phủ", "ngo"),
            ("viện trợ", "ngo"), ("tài trợ", "ngo"))  # fmt: skip
_AMOUNT_OF = {"fdi": "fdi.capital", "oda": "oda.amount", "ngo": "ngo.amount_total"}
_PROJECTS_OF = {"fdi": "fdi.projects", "oda": "oda.projects", "ngo": "ngo.projects"}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?](?=\s)|\n|$)")


def _nearest_domain(before: str) -> str | None:
    best = None
    for word, domain in _DOMAINS:
        at = before.rfind(fold(word))
        if at >= 0 and (best is None or at > best[0]):
            best = (at, domain)
    return best[1] if best else None


def _home(text: str) -> str | None:
    counts = Counter(name for name in PROVINCES if name in text for _ in range(text.count(name)))
    return counts.most_common(1)[0][0] if counts else None


def keyword_baseline(
    text: str, doc: str | None = None, published: date | None = None
) -> list[dict[str, Any]]:
    """Figures of ``text`` in the exchange format, read by keywords alone (see module doc)."""
    text = nfc(text)
    folded = fold(text)
    home = _home(text)
    figures: list[dict[str, Any]] = []
    for sentence in _SENTENCE.finditer(folded):
        s0 = sentence.start()
        for m in _AMOUNT.finditer(folded, s0, sentence.end()):
            try:
                value = nums.parse_number(m.group("num")) * nums.parse_scale(m.group("scale"))
            except ValueError:
                continue
            before = folded[s0 : m.start()]
            if m.group("cur"):
                domain = _nearest_domain(before)
                if domain is None:
                    continue
                indicator, unit = _AMOUNT_OF[domain], nums.currency_code(m.group("cur"))
            elif m.group("km"):
                indicator, unit = "geography.border_length_km", "km"
            else:
                noun = m.group("noun") or ""
                found = next((row for row in _NOUNS if noun.startswith(fold(row[0]))), None)
                if found is None:
                    continue
                _, indicator, unit = found
                if indicator == "ngo.projects":
                    indicator = _PROJECTS_OF[_nearest_domain(before) or "ngo"]
                elif indicator == "delegations.incoming" and re.search(
                    fold(r"đoàn ra|đi nước ngoài|ra nước ngoài|cử"), before
                ):
                    indicator = "delegations.outgoing"
            years = _YEAR.findall(before)
            figures.append(
                {
                    "doc": doc,
                    "indicator": indicator,
                    "value": nums.to_json_number(nums.normalise_decimal(value)),
                    "unit": unit,
                    "of": None,
                    "qualifier": "exact",
                    "period": years[-1] if years else None,
                    "place": home,
                    "equivalent": None,
                    "start": m.start(),
                    "end": m.end(),
                    "text": text[m.start() : m.end()],
                }
            )
    return figures
