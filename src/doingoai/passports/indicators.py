"""Figures of the periodic report from the register of official passports (see
consular/indicators.py for the shape)."""

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


# "Overdue" stands at the period's end, but is only known from the handouts before it: it is
# covered like a flow, from the year of the first handout, not as soon as any record exists.
COMPUTATIONS = {"passports.handed_out": (handed_out, None),
                "passports.overdue": (overdue_at_end, None)}
EXTRA = {}


def first_record_on(unit_id):
    return PassportHandout.objects.filter(owner_id=unit_id).aggregate(
        d=Min("handed_out_on"))["d"]


def register():
    """Add these computations, and the date the register starts, to the periodic report."""
    from doingoai.reports.computations import computes, keeps_register

    keeps_register(REGISTER, first_record_on)
    for code, (function, universe) in COMPUTATIONS.items():
        computes(code, REGISTER, universe=universe)(function)
