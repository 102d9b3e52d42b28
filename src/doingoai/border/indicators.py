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


COMPUTATIONS = {"border.incidents": (False, incidents)}
EXTRA = {}


def first_record_on(unit_id):
    return BorderIncident.objects.filter(owner_id=unit_id).aggregate(d=Min("occurred_on"))["d"]


def register():
    from doingoai.reports.computations import computes

    for code, (stock, function) in COMPUTATIONS.items():
        computes(code, REGISTER, stock=stock)(function)
