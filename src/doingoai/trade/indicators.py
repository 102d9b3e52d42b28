"""Figures of the periodic report from the trade register (see consular/indicators.py for the
shape). Values are summed in USD; a figure kept in another currency is converted at the
rate of its period's last day (core.rates), and a missing rate is noted, not guessed."""

from decimal import Decimal

from django.db.models import Min, Sum

from doingoai.trade.models import TradeFlow

REGISTER = "trade"


def _total(queryset):
    from doingoai.core.rates import MissingRate, convert
    from doingoai.reports.computations import Computed

    total, notes = Decimal(0), []
    groups = (queryset.order_by().values("currency_id", "period_end")
              .annotate(amount=Sum("value")))
    for group in groups:
        if group["currency_id"] == "USD":
            total += group["amount"]
            continue
        try:
            total += convert(group["amount"], group["currency_id"], "USD",
                             group["period_end"]).amount
        except MissingRate as exc:
            notes.append(str(exc))
    return Computed(total, "USD", notes=sorted(set(notes)))


def exports(unit_ids, start, end):
    """Exports through the province's border gates in the period, in USD (figures whose
    period lies inside the report's; per-gate figures and province totals are not mixed:
    gate figures are used when there are any)."""
    return _total(_flows(unit_ids, start, end).exports())


def imports(unit_ids, start, end):
    """Imports through the province's border gates in the period, in USD."""
    return _total(_flows(unit_ids, start, end).imports())


def _flows(unit_ids, start, end):
    flows = TradeFlow.objects.filter(owner_id__in=unit_ids).within(start, end)
    by_gate = flows.filter(gate__isnull=False)
    return by_gate if by_gate.exists() else flows


COMPUTATIONS = {"trade.exports": (exports, None), "trade.imports": (imports, None)}
EXTRA = {}


def first_record_on(unit_id):
    return TradeFlow.objects.filter(owner_id=unit_id).aggregate(d=Min("period_start"))["d"]


def register():
    """Add these computations, and the date the register starts, to the periodic report."""
    from doingoai.reports.computations import computes, keeps_register

    keeps_register(REGISTER, first_record_on)
    for code, (function, universe) in COMPUTATIONS.items():
        computes(code, REGISTER, universe=universe)(function)
