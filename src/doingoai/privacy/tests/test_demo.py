"""The demo records of issue 7's registers load, twice without duplicates, and show the
seeds' gate and marker and an overdue passport."""

from importlib import import_module

from doingoai.border.models import BorderGate, BorderMarker
from doingoai.consular.models import ConsularCase
from doingoai.passports.models import PassportHandout
from doingoai.privacy.testing import AREA_APPS

APPS = ("privacy", "border", *[a for a in AREA_APPS if a != "border"])


def _load(province, user):
    for app in APPS:
        import_module(f"doingoai.{app}.demo").load_demo(province, user)


def test_the_demo_loads_twice_without_duplicates(settings, tmp_path, ha_giang, hg_specialist,
                                                 hg_leader):
    settings.MEDIA_ROOT = tmp_path
    _load(ha_giang, hg_specialist)
    counts = [ConsularCase.objects.count(), BorderGate.objects.count(),
              PassportHandout.objects.count()]
    _load(ha_giang, hg_specialist)
    assert [ConsularCase.objects.count(), BorderGate.objects.count(),
            PassportHandout.objects.count()] == counts
    assert BorderGate.objects.get(kind="international").counterpart_name == "Thiên Bảo"
    assert BorderMarker.objects.filter(number="262").exists()
    assert PassportHandout.objects.overdue().count() == 1
    assert all("minh họa" in case.title for case in ConsularCase.objects.all())
    hg_leader.membership.refresh_from_db()
    assert hg_leader.membership.can_see_personal_data


def test_another_province_gets_no_border_records_of_ha_giang(settings, tmp_path, bac_kan,
                                                            bk_specialist):
    settings.MEDIA_ROOT = tmp_path
    _load(bac_kan, bk_specialist)
    assert not BorderGate.objects.exists()
    assert ConsularCase.objects.filter(owner=bac_kan).exists()
