"""Issue 7's browser test: personal data (Decree 13/2023/NĐ-CP). A Hà Giang specialist
without the personal-data role sees a foreigner's name ("Zhang W."), passport number and
address masked, on
the list, the record's page, its edit form and the CSV export, and cannot read the access
log; the leader, who has the role, sees them in full, and the access log shows the leader's
view (with the fields shown in full) beside the specialist's masked one.

Selectors do not depend on the interface language (ids, hrefs, columns' contents), so the
test holds whether the Vietnamese catalogue is compiled or not.
"""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from doingoai.accounts.models import Membership
from doingoai.privacy.models import AccessLog
from doingoai.residents.models import Foreigner
from doingoai.testing import make_user

pytestmark = pytest.mark.browser

LIST_URL = "/residents/foreigners/"
LOG_URL = "/privacy/log/"
PASSPORT = "E12345678"
MASKED_PASSPORT = "E12•••••"
NAME = "Zhang Wei"
MASKED_NAME = "Zhang W."
ADDRESS = "Tổ 5, phường Nguyễn Trãi, thành phố Hà Giang"


def test_the_passport_number_is_masked_without_the_role_and_the_leaders_view_is_logged(
    pages, ha_giang
):
    make_user("hg.specialist", "specialist", ha_giang, first_name="Chuyên viên Hà Giang")
    leader = make_user("hg.leader", "leader", ha_giang, first_name="Lãnh đạo Hà Giang")
    Membership.objects.filter(user=leader).update(can_see_personal_data=True)
    foreigner = Foreigner.objects.create(
        owner=ha_giang,
        full_name=NAME,
        nationality_id="CN",
        passport_number=PASSPORT,
        purpose="work",
        employer="Công ty TNHH Khoáng sản Hà Giang",
        address=ADDRESS,
        arrived_on=dt.date(2023, 1, 10),
        work_permit_expires_on=dt.date(2027, 1, 9),
    )
    detail_url = f"{LIST_URL}{foreigner.pk}/"

    # The specialist: masked on the list...
    specialist = pages.login("hg.specialist")
    specialist.goto(LIST_URL)
    rows = specialist.locator("#rows")
    row = rows.locator("tr").filter(has=specialist.locator(f'a[href="{detail_url}"]'))
    # (the name as family name and initials: the role does not need it in full)
    expect(row).to_contain_text(MASKED_NAME)
    expect(row).to_contain_text(MASKED_PASSPORT)
    expect(specialist.locator("body")).not_to_contain_text(PASSPORT)
    expect(specialist.locator("body")).not_to_contain_text(NAME)
    pages.keep_screenshot(specialist, "foreigners-masked")

    # ... on the record's page (the address too) ...
    row.locator(f'a[href="{detail_url}"]').click()
    specialist.wait_for_url(re.compile(re.escape(detail_url) + "$"))
    fields = specialist.locator("main dl.fields")
    expect(fields).to_contain_text(MASKED_NAME)
    expect(specialist.locator("body")).not_to_contain_text(NAME)
    expect(fields).to_contain_text(MASKED_PASSPORT)
    expect(specialist.locator("body")).not_to_contain_text(PASSPORT)
    expect(specialist.locator("body")).not_to_contain_text(ADDRESS)
    expect(specialist.locator("body")).not_to_contain_text("Nguyễn Trãi")
    pages.keep_screenshot(specialist, "foreigner-masked")

    # ... in the edit form, which leaves the personal fields and the name out ...
    specialist.goto(f"{detail_url}edit/")
    expect(specialist.locator("#id_employer")).to_have_value("Công ty TNHH Khoáng sản Hà Giang")
    expect(specialist.locator("#id_full_name")).to_have_count(0)
    expect(specialist.locator("#id_passport_number")).to_have_count(0)
    expect(specialist.locator("#id_address")).to_have_count(0)
    assert PASSPORT not in specialist.content()

    # ... and in the CSV export.
    export = specialist.request.get(f"{LIST_URL}?export=csv")
    assert export.status == 200
    csv_text = export.text()
    assert MASKED_NAME in csv_text and NAME not in csv_text
    assert PASSPORT not in csv_text

    # The access log is the leader's to read.
    assert specialist.request.get(LOG_URL).status == 403

    # The leader, who has the personal-data role, sees the number and the address.
    boss = pages.login("hg.leader")
    boss.goto(detail_url)
    fields = boss.locator("main dl.fields")
    expect(fields).to_contain_text(PASSPORT)
    expect(fields).to_contain_text(ADDRESS)
    expect(fields).to_contain_text(NAME)
    expect(fields).not_to_contain_text(MASKED_PASSPORT)
    pages.keep_screenshot(boss, "foreigner-in-full")

    views = AccessLog.objects.filter(
        record_type="residents.foreigner", record_id=foreigner.pk, action="view"
    )
    assert {(entry.username, "passport_number" in entry.fields) for entry in views} == {
        ("hg.specialist", False),
        ("hg.leader", True),
    }

    # The access log shows the leader's view of that record, with the fields seen in full,
    # and the specialist's masked one.
    boss.goto(LOG_URL)
    log = boss.locator("main table tbody")
    record_rows = log.locator("tr").filter(has=boss.locator(f'a[href="{detail_url}"]'))
    expect(record_rows).to_have_count(2)
    leader_row = record_rows.filter(has_text="Lãnh đạo Hà Giang")
    expect(leader_row).to_have_count(1)
    # The fields by their names in the page's language, not their code names.
    with translation.override(settings.LANGUAGE_CODE):
        passport, address = (str(Foreigner._meta.get_field(name).verbose_name)
                             for name in ("passport_number", "address"))
    expect(leader_row).to_contain_text(passport)
    expect(leader_row).to_contain_text(address)
    expect(leader_row).not_to_contain_text("passport_number")
    specialist_row = record_rows.filter(has_text="Chuyên viên Hà Giang")
    expect(specialist_row).to_have_count(1)
    expect(specialist_row.locator("em")).to_have_count(1)  # "masked"
    expect(specialist_row).not_to_contain_text(passport)
    # The lists and the export the specialist saw are logged as well, masked.
    expect(log.locator("tr").filter(has_text="Chuyên viên Hà Giang")).to_have_count(3)
    pages.keep_screenshot(boss, "access-log")

    refused = {f"{pages.base_url}{LOG_URL}"}
    assert [(s, url) for s, url in pages.failed_requests if url not in refused] == []
    assert pages.console_errors == []
