"""How long each register keeps personal data once its purpose is over, and the erasure past it.

Decree 13/2023/NĐ-CP (Art. 3: kept no longer than the purpose needs) and Law 91/2025/QH15 on
personal data protection set the principle, not a number of years: the period is the office's
declaration, as data. For each register below it is the rule ``<register>.retention_years`` in
force on the date the purpose ended (a province's own rule first, as every rule), else the
setting DOINGOAI_RETENTION_YEARS. Consular cases keep their own rule and method
(``ConsularCase.anonymise``, rule ``consular.retention_years``).

Past the period, the personal fields (``PERSONAL_FIELDS``) are erased in the record and in its
history; what the statistics count (nationality, dates of stay, kinds) stays. Each erasure is
written to the personal-data access log (action "erased"), one entry per province and register.
"""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

ERASED = "—"


@dataclass(frozen=True)
class Register:
    model: str  # app_label.ModelName
    ended: str  # the date the purpose of the data ended: the retention counts from it

    @property
    def rule_code(self) -> str:
        return f"{self.model.lower()}.retention_years"

    def model_class(self):
        return apps.get_model(self.model)


REGISTERS = (
    Register("residents.Foreigner", "left_on"),
    Register("residents.PersonAbroad", "returned_on"),
    Register("passports.OfficialPassport", "expires_on"),
    Register("passports.ABTCApplication", "card_expires_on"),
)


def retention_years(register: Register, record) -> int:
    from doingoai.rules.models import rule_in_force

    rule = rule_in_force(register.rule_code, getattr(record, register.ended), record.owner)
    if rule is not None and rule.amount is not None:
        return rule.amount
    return settings.DOINGOAI_RETENTION_YEARS


def retention_ends_on(register: Register, record) -> dt.date:
    from doingoai.rules.models import add_months

    return add_months(getattr(record, register.ended), 12 * retention_years(register, record))


def erased_values(model) -> dict:
    values = {}
    for name in model.PERSONAL_FIELDS:
        field = model._meta.get_field(name)
        if field.null:
            values[name] = None
        elif isinstance(field, models.CharField) and not field.blank:
            values[name] = ERASED  # a required number: a mark, not a real one
        else:
            values[name] = ""
    return values


def _still_holding(model):
    """The records of ``model`` some personal field of which is not erased yet."""
    query = models.Q()
    for name, value in erased_values(model).items():
        query |= ~models.Q(**{f"{name}__isnull": True}) if value is None else ~models.Q(
            **{name: value})
    return model.all_objects.filter(query)


def due(register: Register, today: dt.date) -> list:
    model = register.model_class()
    candidates = _still_holding(model).filter(**{f"{register.ended}__isnull": False,
                                                 f"{register.ended}__lte": today})
    return [record for record in candidates.select_related("owner")
            if retention_ends_on(register, record) <= today]


def erase_past_retention(today: dt.date | None = None, *, dry_run=False) -> dict[str, list]:
    """{register: [records erased (or due, with ``dry_run``)]}."""
    from doingoai.privacy.models import AccessLog

    today = today or timezone.localdate()
    done = {}
    for register in REGISTERS:
        records = due(register, today)
        done[register.model] = records
        if dry_run or not records:
            continue
        model = register.model_class()
        values = erased_values(model)
        with transaction.atomic():
            pks = [record.pk for record in records]
            model.all_objects.filter(pk__in=pks).update(**values)
            model.history.filter(id__in=pks).update(**values)
            by_province: dict = {}
            for record in records:
                by_province.setdefault(record.owner_id, []).append(record.pk)
            meta = model._meta
            AccessLog.objects.bulk_create(
                AccessLog(user=None, username="system", province_id=province,
                          record_type=f"{meta.app_label}.{meta.model_name}", record_ids=ids,
                          action=AccessLog.Action.ERASE, fields=list(values))
                for province, ids in by_province.items())
    return done
