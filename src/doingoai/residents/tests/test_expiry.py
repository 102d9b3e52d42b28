import datetime as dt

from doingoai.residents.models import Foreigner
from doingoai.residents.tests.factories import make_foreigner

TODAY = dt.date(2024, 12, 20)


def test_expiring_within_finds_the_documents_ending_soon(ha_giang):
    soon = make_foreigner(ha_giang, work_permit_expires_on=dt.date(2025, 1, 9))
    later = make_foreigner(ha_giang, work_permit_expires_on=dt.date(2026, 1, 9))
    gone = make_foreigner(ha_giang, work_permit_expires_on=dt.date(2025, 1, 9),
                          left_on=dt.date(2024, 6, 1))
    found = Foreigner.objects.expiring_within(30, today=TODAY)
    assert soon in found
    assert later not in found
    assert gone not in found
    label = Foreigner._meta.get_field("work_permit_expires_on").verbose_name
    assert soon.documents_expiring(30, today=TODAY) == [(label, dt.date(2025, 1, 9))]


def test_foreigners_resident_on_a_day(ha_giang):
    here = make_foreigner(ha_giang, arrived_on=dt.date(2023, 1, 1))
    left = make_foreigner(ha_giang, arrived_on=dt.date(2023, 1, 1), left_on=dt.date(2024, 1, 1))
    assert list(Foreigner.objects.resident_on(dt.date(2024, 6, 30))) == [here]
    assert left in Foreigner.objects.resident_on(dt.date(2023, 6, 30))
