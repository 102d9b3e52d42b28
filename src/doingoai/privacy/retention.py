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

Every model with personal fields is in ``REGISTERS``, or in ``ERASED_ELSEWHERE`` or ``KEPT``
with the reason (a test walks the models, so a new register cannot be forgotten).
"""

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from doingoai.core.list_cache import rows_written

ERASED = "—"


@dataclass(frozen=True)
class Register:
    model: str  # app_label.ModelName
    # The date the purpose of the data ended: the retention counts from it. A lookup, which
    # may go through the parent of a child row ("document__exit_on").
    ended: str
    owner: str = "owner"  # the province, the same way

    @property
    def rule_code(self) -> str:
        return f"{self.model.lower()}.retention_years"

    def model_class(self):
        return apps.get_model(self.model)

    def ended_on(self, record):
        return _follow(record, self.ended)

    def owner_of(self, record):
        return _follow(record, self.owner)

    def manager(self):
        model = self.model_class()
        return getattr(model, "all_objects", model._default_manager)


def _follow(record, lookup: str):
    for name in lookup.split("__"):
        record = getattr(record, name) if record is not None else None
    return record


REGISTERS = (
    Register("residents.Foreigner", "left_on"),
    Register("residents.PersonAbroad", "returned_on"),
    Register("passports.OfficialPassport", "expires_on"),
    Register("passports.ABTCApplication", "card_expires_on"),
    # The guests named in an invitation or entry request: their passports serve the visit.
    Register("protocol.EntryPerson", "document__exit_on", owner="document__owner"),
)

# Erased by a method of their own, on a rule of their own.
ERASED_ELSEWHERE = {
    "consular.ConsularCase": "ConsularCase.anonymise (doingoai anonymise), rule "
                             "consular.retention_years",
    "consular.ConsularPerson": "with its case, by ConsularCase.anonymise",
}

# Personal data kept as long as the record, with the reason it is needed that long.
KEPT = {
    "staff.Officer": "the work telephone and e-mail of a serving official, needed while they "
                     "serve; the record is removed when they leave the service",
    "protocol.Interpreter": "the telephone of an interpreter the office books, needed while "
                            "they interpret for it; removed with the record",
}


def retention_years(register: Register, record) -> int:
    from doingoai.rules.models import rule_in_force

    rule = rule_in_force(register.rule_code, register.ended_on(record), register.owner_of(record))
    if rule is not None and rule.amount is not None:
        return rule.amount
    return settings.DOINGOAI_RETENTION_YEARS


def retention_ends_on(register: Register, record) -> dt.date:
    from doingoai.rules.models import add_months

    return add_months(register.ended_on(record), 12 * retention_years(register, record))


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


def _still_holding(register: Register):
    """The records of the register some personal field of which is not erased yet."""
    query = models.Q()
    for name, value in erased_values(register.model_class()).items():
        query |= ~models.Q(**{f"{name}__isnull": True}) if value is None else ~models.Q(
            **{name: value})
    return register.manager().filter(query)


def due(register: Register, today: dt.date) -> list:
    candidates = _still_holding(register).filter(**{f"{register.ended}__isnull": False,
                                                    f"{register.ended}__lte": today})
    return [record for record in candidates.select_related(register.owner)
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
            register.manager().filter(pk__in=pks).update(**values)
            model.history.filter(id__in=pks).update(**values)
            rows_written(model)  # the cached lists read the erased rows again
            by_province: dict = {}
            for record in records:
                by_province.setdefault(register.owner_of(record).pk, []).append(record.pk)
            meta = model._meta
            AccessLog.objects.bulk_create(
                AccessLog(user=None, username="system", province_id=province,
                          record_type=f"{meta.app_label}.{meta.model_name}", record_ids=ids,
                          action=AccessLog.Action.ERASE, fields=list(values))
                for province, ids in by_province.items())
    return done
