"""Every model holding personal data has a retention rule (privacy/retention.py), or is erased
by a method of its own, or is kept on purpose with the reason: a new register with personal
fields and none of the three fails here."""

import datetime as dt

import pytest
from django.apps import apps

from doingoai.privacy.models import AccessLog
from doingoai.privacy.retention import ERASED_ELSEWHERE, KEPT, REGISTERS, erase_past_retention
from doingoai.protocol.models import EntryPerson
from doingoai.protocol.tests.factories import make_entry_document


def label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def models_with_personal_fields():
    return sorted(label(model) for model in apps.get_models()
                  if getattr(model, "PERSONAL_FIELDS", ()) and not label(model).startswith(
                      "historical") and not model.__name__.startswith("Historical"))


@pytest.mark.parametrize("name", models_with_personal_fields())
def test_every_model_with_personal_fields_has_a_retention_rule_or_a_reason_to_keep_them(name):
    covered = {register.model for register in REGISTERS}
    reasons = {**ERASED_ELSEWHERE, **KEPT}
    assert name in covered or reasons.get(name, "").strip(), (
        f"{name} has personal fields but no retention rule in privacy/retention.py REGISTERS, "
        "nor an entry in ERASED_ELSEWHERE or KEPT with its reason")


def test_the_walk_finds_the_registers_it_is_meant_to_check():
    found = models_with_personal_fields()
    assert {"residents.Foreigner", "protocol.EntryPerson", "staff.Officer"} <= set(found)


def test_every_rule_and_every_reason_names_a_model_that_has_personal_fields():
    found = set(models_with_personal_fields())
    for name in [register.model for register in REGISTERS] + [*ERASED_ELSEWHERE, *KEPT]:
        assert name in found, name


@pytest.mark.django_db
def test_a_guests_passport_is_erased_past_the_period_after_the_visit(ha_giang):
    old = make_entry_document(ha_giang, exit_on=dt.date(2019, 3, 1))
    recent = make_entry_document(ha_giang, exit_on=dt.date(2025, 3, 1))
    erase_past_retention(dt.date(2026, 6, 1))
    assert list(EntryPerson.objects.filter(document=old).values_list(
        "passport_number", "born_on")) == [("", None)]
    assert list(EntryPerson.objects.filter(document=recent).values_list(
        "passport_number", flat=True)) == ["PA1234567"]
    entry = AccessLog.objects.get(action="erase", record_type="protocol.entryperson")
    assert entry.province == ha_giang
