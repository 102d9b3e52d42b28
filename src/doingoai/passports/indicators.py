"""Figures of the periodic report from the register of official passports (see
consular/indicators.py for the shape). The catalogue has no passport indicator yet: the
codes below are proposals."""

from decimal import Decimal

from django.db.models import Min

from doingoai.passports.models import PassportHandout

REGISTER = "passports"


def _computed(value, unit="count"):
    from doingoai.reports.computations import Computed

    return Computed(Decimal(value), unit)


def handed_out(unit_ids, start, end):
    """Official and diplomatic passports handed out for trips in the period."""
    return _computed(PassportHandout.objects.filter(owner_id__in=unit_ids)
                     .handed_out_between(start, end).count())


def overdue_at_end(unit_ids, start, end):
    """Passports not back at the office by their deadline, as at the period's end."""
    return _computed(PassportHandout.objects.filter(owner_id__in=unit_ids)
                     .overdue_on(end).count())


COMPUTATIONS = {}
EXTRA = {"passports.handed_out": handed_out, "passports.overdue": overdue_at_end}


def first_record_on(unit_id):
    return PassportHandout.objects.filter(owner_id=unit_id).aggregate(
        d=Min("handed_out_on"))["d"]


def register():
    from doingoai.reports.computations import computes

    for code, (stock, function) in COMPUTATIONS.items():
        computes(code, REGISTER, stock=stock)(function)
