"""A spreadsheet import looks its choice lists up once per import, not once per row (issue 13,
item 6): the rows' partners and countries are found among records read once, and the form's
fields are built and narrowed to the user once; only the model's own check of each link is
left per row."""

import datetime as dt
import importlib

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core import spreadsheets
from doingoai.core.records import REGISTRY
from doingoai.friendship.models import FriendshipPact
from doingoai.partners.models import Partner

importlib.import_module(settings.ROOT_URLCONF)  # fills REGISTRY

COLUMNS = ["kind", "title", "our_side", "counterpart", "counterpart_partner", "country",
           "signed_on"]


def rows(count):
    return [(line + 2, {"kind": "locality", "title": f"Kết nghĩa số {line}",
                        "our_side": "Tỉnh Hà Giang", "counterpart": f"Huyện bạn {line}",
                        "counterpart_partner": f"Đối tác số {line % 3}", "country": "LA",
                        "signed_on": dt.date(2020, 1, 1) + dt.timedelta(days=line)})
            for line in range(count)]


def queries_checking(user, count):
    rt = next(rt for rt in REGISTRY if rt.model is FriendshipPact)
    with CaptureQueriesContext(connection) as captured:
        good, bad = spreadsheets.check_rows(rt, user, COLUMNS, rows(count))
    assert (len(good), bad) == (count, [])
    return len(captured)


@pytest.mark.django_db
def test_checking_more_rows_adds_no_query_but_the_models_check_of_each_link(
        ha_giang, hg_specialist):
    for i in range(3):
        Partner.objects.create(owner=ha_giang, kind="locality", name_vi=f"Đối tác số {i}")
    queries_checking(hg_specialist, 1)  # caches warmed: content types, rules
    per_row = (queries_checking(hg_specialist, 30) - queries_checking(hg_specialist, 10)) / 20
    # Two links (partner, country), each checked by the model's full_clean once.
    assert per_row <= 2, per_row
