"""Benchmark of the spreadsheet import (``make bench``): friendship pacts, each naming its
counterpart partner among BENCH_IMPORT_PARTNERS partners of the province, read from an XLSX
workbook, checked row by row with the create page's form and written in one transaction, in a
throw-away SQLite database (or DOINGOAI_BENCH_DATABASE_URL, an empty database). It prints the
rows per second for each size in BENCH_IMPORT_ROWS, and beside it a lower bound measured in the
same run: a bare ``bulk_create`` of the same records, no form, no history. The ratio is the
price of checking every row as the page does.

Environment: BENCH_IMPORT_ROWS (default "1000,10000"), BENCH_IMPORT_PARTNERS (default 5000),
DOINGOAI_BENCH_SRC (another source tree to measure, e.g. the code before a change).
"""

import datetime as dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from benchdb import database_url

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_IMPORT_ROWS", "1000,10000").split(",")]
PARTNERS = int(os.environ.get("BENCH_IMPORT_PARTNERS", "5000"))
TMP = Path(tempfile.mkdtemp(prefix="doingoai-bench-import-"))
os.environ["DATABASE_URL"] = database_url("import", f"sqlite:///{TMP / 'bench.sqlite3'}",
                                          fresh=True)
os.environ["DOINGOAI_VAR_DIR"] = str(TMP)
(TMP / "static").mkdir()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
sys.path.insert(0, os.environ.get("DOINGOAI_BENCH_SRC", str(ROOT / "src")))

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import translation  # noqa: E402

from doingoai.accounts.models import Membership  # noqa: E402
from doingoai.core import spreadsheets  # noqa: E402
from doingoai.core.models import AdminUnit  # noqa: E402
from doingoai.friendship.models import FriendshipPact  # noqa: E402
from doingoai.partners.models import Partner  # noqa: E402

COLUMNS = ["kind", "title", "our_side", "counterpart", "counterpart_partner", "country",
           "signed_on"]
COUNTRIES = ["LA", "CN", "KH"]


def workbook(rows: int) -> SimpleUploadedFile:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(COLUMNS)  # the field names are headers the import reads
    for i in range(rows):
        sheet.append(["locality", f"Kết nghĩa số {i}", "Tỉnh Tuyên Quang", f"Huyện bạn {i}",
                      f"Đối tác số {i % PARTNERS}", COUNTRIES[i % 3],
                      dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500)])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("pacts.xlsx", buffer.getvalue(), content_type=spreadsheets.XLSX_TYPE)


def imported(rt, user, upload) -> float:
    started = time.perf_counter()
    names, rows = spreadsheets.read_rows(upload, spreadsheets.column_names(
        rt, spreadsheets._form(rt, user)))
    good, bad = spreadsheets.check_rows(rt, user, names, rows)
    assert not bad, bad[:3]
    spreadsheets.save_rows(rt, user, good)
    return time.perf_counter() - started


def bulk(province, user, rows, partners) -> float:
    started = time.perf_counter()
    with transaction.atomic():
        FriendshipPact.objects.bulk_create(
            FriendshipPact(owner=province, created_by=user, kind="locality",
                           title=f"Kết nghĩa số {i}", our_side="Tỉnh Tuyên Quang",
                           counterpart=f"Huyện bạn {i}",
                           counterpart_partner_id=partners[i % PARTNERS],
                           country_id=COUNTRIES[i % 3],
                           signed_on=dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500))
            for i in range(rows))
    return time.perf_counter() - started


def main():
    import importlib

    from doingoai.core.records import REGISTRY

    call_command("migrate", verbosity=0)
    importlib.import_module(settings.ROOT_URLCONF)
    rt = next(rt for rt in REGISTRY if rt.model is FriendshipPact)
    province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
    user = get_user_model().objects.create_user("bench-import")
    Membership.objects.create(user=user, role="specialist", province=province)
    Partner.objects.bulk_create(Partner(owner=province, kind="locality",
                                        name_vi=f"Đối tác số {i}") for i in range(PARTNERS))
    partners = list(Partner.objects.order_by("pk").values_list("pk", flat=True))
    spreadsheets.MAX_ROWS = max(SIZES)  # the page's bound is 5,000 rows; measure beyond it
    print(f"spreadsheet import of friendship pacts, {PARTNERS} partners in the province "
          f"({settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]})")
    print(f"{'rows':>7} {'import s':>9} {'rows/s':>8} {'bulk_create s':>14} {'rows/s':>9} "
          f"{'ratio':>6}")
    with translation.override("vi"):
        for rows in SIZES:
            upload = workbook(rows)
            seconds = imported(rt, user, upload)
            floor = bulk(province, user, rows, partners)
            print(f"{rows:>7} {seconds:>9.2f} {rows / seconds:>8.0f} {floor:>14.3f} "
                  f"{rows / floor:>9.0f} {seconds / floor:>6.0f}")


if __name__ == "__main__":
    main()
