"""Figures of the periodic report computed from the consular register, in the shape of
``doingoai.reports.computations`` (a function of ``(unit_ids, start, end)``). Not registered
by import: ``register()`` adds them to the report's computations when the report wires it."""

from decimal import Decimal

from django.db.models import Min

from doingoai.consular.models import ConsularCase, ConsularPerson

REGISTER = "consular"


def _computed(value, unit="count"):
    from doingoai.reports.computations import Computed

    return Computed(Decimal(value), unit)


def cases_opened(unit_ids, start, end):
    """Consular and citizen-protection cases opened in the period."""
    return _computed(ConsularCase.objects.filter(owner_id__in=unit_ids)
                     .opened_between(start, end).count())


def cases_closed(unit_ids, start, end):
    """Consular and citizen-protection cases closed in the period."""
    return _computed(ConsularCase.objects.filter(owner_id__in=unit_ids)
                     .closed_between(start, end).count())


def cases_open_at_end(unit_ids, start, end):
    """Cases still open at the period's end."""
    return _computed(ConsularCase.objects.filter(owner_id__in=unit_ids).open_on(end).count())


def persons_assisted(unit_ids, start, end):
    """Citizens concerned by the cases opened in the period (the province's citizens in
    cases abroad, Vietnamese citizens in cases in the province)."""
    cases = ConsularCase.objects.filter(owner_id__in=unit_ids).opened_between(start, end)
    return _computed(ConsularPerson.objects.filter(
        case__in=cases, role=ConsularPerson.Role.CITIZEN).count(), "persons")


# code in the indicator catalogue (figures/data/indicators.csv) -> (function, universe): the
# universe (every record a stock counts, whatever its dates) is None for a flow; see
# reports.computations.Computation.
COMPUTATIONS = {
    "consular.cases": (cases_opened, None),
    "consular.cases_closed": (cases_closed, None),
    "consular.persons": (persons_assisted, None),
}
# Figures without an indicator code yet: available to the report as plain functions.
EXTRA = {"consular.cases_open": cases_open_at_end}


def first_record_on(unit_id):
    return ConsularCase.objects.filter(owner_id=unit_id).aggregate(d=Min("opened_on"))["d"]


def register():
    """Add these computations, and the date the register starts, to the periodic report."""
    from doingoai.reports.computations import computes, keeps_register

    keeps_register(REGISTER, first_record_on)
    for code, (function, universe) in COMPUTATIONS.items():
        computes(code, REGISTER, universe=universe)(function)
