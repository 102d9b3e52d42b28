"""Figures of the periodic report from the border register (see consular/indicators.py for
the shape)."""

from decimal import Decimal

from django.db.models import Min

from doingoai.border.models import BorderIncident

REGISTER = "border"


def incidents(unit_ids, start, end):
    """Border incidents that occurred in the period."""
    from doingoai.reports.computations import Computed

    return Computed(Decimal(BorderIncident.objects.filter(owner_id__in=unit_ids)
                            .between(start, end).count()), "count")


COMPUTATIONS = {"border.incidents": (incidents, None)}
EXTRA = {}


def first_record_on(unit_id):
    return BorderIncident.objects.filter(owner_id=unit_id).aggregate(d=Min("occurred_on"))["d"]


def register():
    """Add these computations, and the date the register starts, to the periodic report."""
    from doingoai.reports.computations import computes, keeps_register

    keeps_register(REGISTER, first_record_on)
    for code, (function, universe) in COMPUTATIONS.items():
        computes(code, REGISTER, universe=universe)(function)
