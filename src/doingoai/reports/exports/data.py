"""JSON and CSV of the report's figures.

JSON: ``{"place", "period", "figures": [{"indicator", "value", "unit", "of", "qualifier",
"basis", "source"}], "prose"}`` with the printed figures only (the CLI's output). CSV: one
row per indicator with both figures and their difference, for reconciling them.
"""

import csv
import io
import json

from doingoai.lib.cells import safe_row
from doingoai.reports.exports.tables import plain, rows


def figures(report) -> list[dict]:
    return [{
        "indicator": line.code,
        "value": plain(line.value),
        "unit": line.unit,
        "of": plain(line.of),
        "qualifier": line.qualifier,
        "basis": line.basis,
        "source": line.source,
    } for line in report.printed_lines]


def as_dict(report, lang: str = "vi") -> dict:
    return {
        "place": report.place_names,
        "period": report.period.label,
        "figures": figures(report),
        "prose": report.prose(lang),
    }


def as_json(report, lang: str = "vi") -> str:
    return json.dumps(as_dict(report, lang), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ["indicator", "name", "computed", "computed_unit", "computed_of", "reported",
               "reported_unit", "reported_of", "qualifier", "difference", "basis", "value",
               "unit", "of", "reason", "source"]


def as_csv(report, lang: str = "vi") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(safe_row(CSV_COLUMNS))
    for row in rows(report, lang):
        line = row["line"]
        writer.writerow(safe_row([
            row["code"], row["name"], _text(row["computed"]), row["computed_unit"],
            _text(row["computed_of"]), _text(row["reported"]), row["reported_unit"],
            _text(row["reported_of"]), line.reported.qualifier if line.reported else "",
            _text(row["difference"]), row["basis"] or "", _text(line.value),
            line.unit if line.printed else "", _text(line.of), row["reason"], line.source,
        ]))
    return buffer.getvalue()


def _text(value) -> str:
    plain_value = plain(value)
    return "" if plain_value is None else str(plain_value)
