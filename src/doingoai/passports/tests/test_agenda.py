import datetime as dt

from doingoai.notifications.agenda import Window
from doingoai.passports.agenda import agenda_items
from doingoai.passports.tests.factories import make_handout, make_outgoing_delegation


def test_an_overdue_passport_is_on_the_agenda_with_its_rule(ha_giang, hg_specialist, bk_specialist):
    make_handout(ha_giang, delegation=make_outgoing_delegation(
        ha_giang, returns_on=dt.date(2024, 3, 8)))
    today = dt.date(2024, 3, 20)
    overdue = list(agenda_items(hg_specialist, Window.ahead(today, 30)))
    assert [item.due_on for item in overdue] == [dt.date(2024, 3, 15)]
    assert overdue[0].rule.document.number == "58/2012/QĐ-TTg"
    assert list(agenda_items(bk_specialist, Window.ahead(today, 0))) == []
