"""The indicator catalogue shipped with the project (figures/data/indicators.csv)."""

import csv
from pathlib import Path

CATALOGUE = Path(__file__).parent / "data" / "indicators.csv"


def rows():
    with open(CATALOGUE, encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def load_indicators(Indicator):
    for row in rows():
        Indicator.objects.update_or_create(
            code=row["code"],
            defaults={
                "unit": row["unit"],
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "wording": row["typical wording in reports"],
            },
        )
