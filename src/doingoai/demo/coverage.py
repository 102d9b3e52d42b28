"""From which date the demo's registers are complete, as Hà Giang's leader declares it.

Only what the demo's records truly hold is declared: the illustrative year 2023 of
delegations, conferences, agreements and the registers of issue 7 (consular cases,
foreigners, border, trade), the official passports from 2026, and the friendship pacts,
whose full history from 2015 is entered (they match the seed articles of 2016, 2015–2020
and 2023). The aid register is not declared: the demo holds a few programmes, not the
hundreds the seeds report, so every aid figure is the one the office published. Bắc Kạn
declares nothing: its records are a sample. Without a declaration the report prints the
reported figures, so the default report reproduces the seed articles.
"""

import datetime as dt

from doingoai.demo.figures import HG

COVERAGE = {
    HG: {
        "delegations": dt.date(2023, 1, 1),
        "events": dt.date(2023, 1, 1),
        "agreements": dt.date(2023, 1, 1),
        "friendship": dt.date(2015, 1, 1),
        "consular": dt.date(2023, 1, 1),
        "residents": dt.date(2023, 1, 1),
        "border": dt.date(2023, 1, 1),
        "trade": dt.date(2023, 1, 1),
        "passports": dt.date(2026, 1, 1),
    },
}
