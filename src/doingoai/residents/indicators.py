"""Figures of the periodic report from the registers of foreigners and people abroad (see
consular/indicators.py for the shape)."""

from decimal import Decimal

from django.db.models import Min

from doingoai.residents.models import Foreigner, PersonAbroad

REGISTER = "residents"


def _computed(value, unit="persons"):
    from doingoai.reports.computations import Computed

    return Computed(Decimal(value), unit)


def foreigners_resident(unit_ids, start, end):
    """Foreigners residing or working in the province at the period's end."""
    return _computed(Foreigner.objects.filter(owner_id__in=unit_ids).resident_on(end).count())


def workers_abroad(unit_ids, start, end):
    """The province's workers abroad under contract at the period's end."""
    return _computed(PersonAbroad.objects.filter(owner_id__in=unit_ids).workers()
                     .abroad_on(end).count())


def foreigners(unit_ids):
    return Foreigner.objects.filter(owner_id__in=unit_ids)


# A stock: the register covers any period once it holds foreigners (see
# reports.computations.Computation).
COMPUTATIONS = {"foreigners.resident": (foreigners_resident, foreigners)}
EXTRA = {"abroad.workers": workers_abroad}


def first_record_on(unit_id):
    return Foreigner.objects.filter(owner_id=unit_id).aggregate(d=Min("arrived_on"))["d"]


def register():
    """Add these computations, and the date the register starts, to the periodic report."""
    from doingoai.reports.computations import computes, keeps_register

    keeps_register(REGISTER, first_record_on)
    for code, (function, universe) in COMPUTATIONS.items():
        computes(code, REGISTER, universe=universe)(function)
