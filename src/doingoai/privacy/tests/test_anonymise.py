"""``doingoai anonymise``: a closed consular case's personal data is erased after the retention
period, keeping the statistics."""

import datetime as dt

import pytest
from django.core.management import call_command

from doingoai.consular.models import ConsularCase, ConsularPerson
from doingoai.consular.tests.factories import make_case
from doingoai.rules.models import LegalDocument, Rule

TODAY = dt.date(2030, 6, 1)


@pytest.fixture
def old_case(ha_giang):
    return make_case(ha_giang, status="closed", closed_on=dt.date(2024, 5, 1),
                     outcome="Đã đưa về nước ngày 30/4/2024.")


def _counts(owner):
    cases = ConsularCase.objects.owned_by(owner)
    return (cases.opened_between(dt.date(2023, 1, 1), dt.date(2023, 12, 31)).count(),
            cases.closed_between(dt.date(2024, 1, 1), dt.date(2024, 12, 31)).count(),
            ConsularPerson.objects.filter(case__owner=owner).count(),
            list(ConsularPerson.objects.values_list("nationality", "sex")))


def test_anonymise_erases_the_personal_data_and_keeps_the_counts(old_case, ha_giang, settings):
    settings.DOINGOAI_CONSULAR_RETENTION_YEARS = 5
    before = _counts(ha_giang)
    call_command("anonymise", today=TODAY, stdout=None)
    old_case.refresh_from_db()
    assert (old_case.summary, old_case.outcome) == ("", "")
    assert old_case.anonymised_on == TODAY
    person = old_case.persons.get()
    assert (person.passport_number, person.address, person.date_of_birth) == ("", "", None)
    assert person.full_name != "Giàng Thị Mai"
    assert _counts(ha_giang) == before
    # Nothing personal is left in the audit trail either.
    assert not ConsularCase.history.filter(id=old_case.pk).exclude(summary="").exists()
    assert not ConsularPerson.history.filter(passport_number="C7654321").exists()


def test_an_open_or_recently_closed_case_is_kept(ha_giang, settings):
    settings.DOINGOAI_CONSULAR_RETENTION_YEARS = 5
    still_open = make_case(ha_giang)
    recent = make_case(ha_giang, status="closed", closed_on=dt.date(2026, 1, 1))
    call_command("anonymise", today=TODAY)
    for case in (still_open, recent):
        case.refresh_from_db()
        assert case.anonymised_on is None
        assert case.persons.get().passport_number == "C7654321"


def test_a_dry_run_changes_nothing(old_case):
    call_command("anonymise", today=TODAY, dry_run=True)
    old_case.refresh_from_db()
    assert old_case.anonymised_on is None


def test_the_retention_period_comes_from_the_rule_when_there_is_one(old_case, settings):
    settings.DOINGOAI_CONSULAR_RETENTION_YEARS = 50
    document = LegalDocument.objects.create(number="99/2025/QĐ-UBND", kind="provincial",
                                            title="Quy chế bảo hộ công dân", issuer="UBND tỉnh")
    Rule.objects.create(document=document, code="consular.retention_years", area="aid",
                        amount=2, description="Giữ dữ liệu cá nhân 2 năm sau khi đóng hồ sơ.")
    assert old_case.retention_ends_on() == dt.date(2026, 5, 1)
    call_command("anonymise", today=dt.date(2026, 5, 1))
    old_case.refresh_from_db()
    assert old_case.anonymised_on == dt.date(2026, 5, 1)


def _consular_list_generations():
    import importlib

    from django.conf import settings as django_settings

    from doingoai.core import list_cache
    from doingoai.core.records import REGISTRY

    importlib.import_module(django_settings.ROOT_URLCONF)
    return {rt.slug: list_cache.generation(rt) for rt in REGISTRY
            if rt.model in (ConsularCase, ConsularPerson)}


def test_anonymising_a_case_makes_the_cached_consular_lists_read_their_rows_again(old_case):
    before = _consular_list_generations()
    assert before, "no list shows consular cases"
    old_case.anonymise(TODAY)
    after = _consular_list_generations()
    assert all(after[slug] != before[slug] for slug in before), (before, after)


def test_the_retention_erasure_makes_the_cached_lists_read_their_rows_again(old_case, settings):
    settings.DOINGOAI_CONSULAR_RETENTION_YEARS = 5
    before = _consular_list_generations()
    call_command("anonymise", today=TODAY, stdout=None)
    assert _consular_list_generations() != before
