"""The rows every export and the report page show: one per indicator that has a computed or
a reported figure."""

from __future__ import annotations

from decimal import Decimal

from doingoai.lib.money import to_json_number
from doingoai.reports.prose import QUALIFIERS, amount, figure_text, number

BASIS_NAMES = {
    "vi": {"computed": "Tính từ hồ sơ", "reported": "Số liệu báo cáo",
           "mixed": "Tính từ hồ sơ và số liệu báo cáo", None: "Không in"},
    "en": {"computed": "Computed from records", "reported": "Reported",
           "mixed": "Computed and reported", None: "Not printed"},
}
UNIT_NAMES = {
    "vi": {"count": "", "persons": "lượt", "percent": "%", "km": "km"},
    "en": {"count": "", "persons": "persons", "percent": "%", "km": "km"},
}


# The catalogue names a figure as the texts report it; the report computes some of them as
# what stands at the period's end, and the prose says so ("3 hội hữu nghị đang hoạt động"):
# the table names them as the prose does, so the two agree.
STOCK_NAMES = {
    "friendship.associations": {"vi": "Số hội hữu nghị đang hoạt động",
                                "en": "Friendship associations active"},
}


def indicator_name(indicator, lang: str) -> str:
    if indicator.code in STOCK_NAMES:
        return STOCK_NAMES[indicator.code][lang]
    return indicator.name_en if lang == "en" else indicator.name_vi


def plain(value) -> int | float | None:
    """A Decimal for JSON: a whole number stays whole (as in the figures' exchange format)."""
    return None if value is None else to_json_number(Decimal(value))


def value_text(value, unit, lang, qualifier="exact", of=None) -> str:
    if value is None:
        return ""
    text = QUALIFIERS[lang].get(qualifier, "")
    if unit in ("count", "persons", "percent", "km"):
        text += number(value, lang, 2)
        if of is not None:
            text += "/" + number(of, lang, 0)
        if unit in ("percent", "km"):
            text += ("%" if unit == "percent" else " km")
    else:
        text += amount(value, unit, lang)
    return text


def rows(report, lang: str = "vi") -> list[dict]:
    found = []
    for line in report.lines:
        if line.computed is None and line.reported is None:
            continue
        computed = line.computed
        reported = line.reported
        found.append({
            "line": line,
            "code": line.code,
            "name": indicator_name(line.indicator, lang),
            "computed": computed.value if computed else None,
            "computed_unit": computed.unit if computed else "",
            "computed_of": computed.of if computed else None,
            "computed_text": value_text(computed.value, computed.unit, lang,
                                        of=computed.of) if computed else "",
            "reported": reported.value if reported else None,
            "reported_unit": reported.unit if reported else "",
            "reported_of": reported.of if reported else None,
            "reported_text": value_text(reported.value, reported.unit, lang,
                                        reported.qualifier, reported.of) if reported else "",
            "reported_figures": reported.figures if reported else [],
            "difference": line.difference,
            "difference_text": (value_text(line.difference, computed.unit, lang)
                                if line.difference is not None else ""),
            "printed_text": figure_text(line, lang) if line.printed else "",
            "basis": line.basis,
            "basis_name": BASIS_NAMES[lang][line.basis],
            "reason": line.reason,
            "unit": line.unit,
        })
    return found


# What only a border province has: the border's own registers, the pacts across it and the
# trade through its gates.
BORDER_CODES = ("border.", "trade.", "friendship.border_communes", "friendship.border_posts",
                "friendship.village_pairs", "friendship.district_pairs")


COUNTED_UNITS = ("count", "persons", "percent", "km")


def is_border(code: str) -> bool:
    return code.startswith(BORDER_CODES)


def document_rows(report, lang: str = "vi") -> list[dict]:
    """The rows of the outgoing documents (DOCX, PDF, XLSX): the printed figures only. A
    figure with no data is left out, never written as 0; and the border rows are left out
    when none of them says anything (an inland province, whose border registers are
    declared complete and empty: "0 xã biên giới" does not apply to it)."""
    # A computed amount of nothing ("0 đồng" of ODA beside a programme running without a
    # transaction in the period) tells the reader nothing: it is left out.
    printed = [row for row in rows(report, lang) if row["basis"] is not None and not (
        row["line"].unit not in COUNTED_UNITS and not row["line"].value)]
    if not any(is_border(row["code"]) and row["line"].value for row in printed):
        printed = [row for row in printed if not is_border(row["code"])]
    return printed
