"""The round's result: for each indicator asked, the sum of the figures the office received,
each traceable to its unit and its report, beside what the province's own records give for the
same period; accepted by the leader, it becomes the province's reported figures."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core.models import AdminUnit
from doingoai.figures.models import ReportedFigure, SourceDocument
from doingoai.reports.computations import compute


@dataclass
class Line:
    indicator: object
    total: Decimal | None = None
    contributions: list = field(default_factory=list)  # (submission, figure)
    recorded: Decimal | None = None  # what the province's own records give
    # Of the units' figures, what the register already holds as the same unit's records
    # (a delegation the unit entered and also reported): counted once, in the register.
    overlap: Decimal = Decimal(0)

    @property
    def difference(self) -> Decimal | None:
        if self.total is None or self.recorded is None:
            return None
        return self.total - self.recorded

    @property
    def counted_once(self) -> Decimal | None:
        """The province's figure: the register's, plus what the units reported beyond their
        own records in it; the units' plain sum where the register says nothing."""
        if self.total is None:
            return None
        if self.recorded is None:
            return self.total
        return self.recorded + self.total - self.overlap


# Indicator -> (direction, counts persons): the figures whose records name the unit that
# carried them out, so that a unit's report and the register can be told apart.
UNIT_RECORDED = {
    "delegations.incoming": ("incoming", False),
    "delegations.incoming_persons": ("incoming", True),
    "delegations.outgoing": ("outgoing", False),
    "delegations.outgoing_persons": ("outgoing", True),
}


def recorded_by_unit(code, unit_ids, span, organisation_ids) -> dict[int, Decimal] | None:
    """What the register holds for ``code`` in ``span`` as the records of each of the units
    ``organisation_ids`` (or of the bodies under them), in one grouped query; None for an
    indicator whose records name no unit."""
    from doingoai.reports.computations import delegations, members

    if code not in UNIT_RECORDED or span is None or not organisation_ids:
        return None
    direction, persons = UNIT_RECORDED[code]
    trips = delegations(unit_ids, span.start, span.end, direction).filter(
        Q(organisation_id__in=organisation_ids)
        | Q(organisation__parent_id__in=organisation_ids))
    if persons:
        rows = (members(unit_ids, span.start, span.end, direction).filter(delegation__in=trips)
                .order_by().values_list("delegation__organisation_id",
                                        "delegation__organisation__parent_id"))
    else:
        rows = trips.order_by().values_list("organisation_id", "organisation__parent_id")
    held: dict[int, Decimal] = {}
    for organisation_id, parent_id, count in rows.annotate(count=Count("pk")):
        for unit in {organisation_id, parent_id} & set(organisation_ids):
            held[unit] = held.get(unit, Decimal(0)) + count
    return held


def lines_of(round_, submissions) -> list[Line]:
    """``submissions``: the round's submissions with their figures prefetched."""
    received = [s for s in submissions if s.status == s.Status.RECEIVED]
    span = round_.span
    unit_ids = list(AdminUnit.objects.rolling_up_to(round_.owner).values_list("pk", flat=True))
    lines = []
    for indicator in round_.indicators.all():
        line = Line(indicator)
        for submission in received:
            for figure in submission.figures.all():
                if figure.indicator_id == indicator.code and figure.value is not None:
                    line.contributions.append((submission, figure))
        if line.contributions:
            line.total = sum((figure.value for _s, figure in line.contributions), Decimal(0))
        if span is not None:
            computed = compute(indicator.code, unit_ids, span.start, span.end)
            line.recorded = computed.value if computed is not None else None
        held = recorded_by_unit(indicator.code, unit_ids, span,
                                [s.organisation_id for s, _f in line.contributions])
        for submission, figure in line.contributions if held is not None else ():
            line.overlap += min(figure.value, held.get(submission.organisation_id, Decimal(0)))
        lines.append(line)
    return lines


def accept(round_, user, lines: list[Line]) -> int:
    """The leader accepts the result: the round is marked accepted (guarded, versioned) and
    each summed figure becomes (or replaces) the province's reported figure for the period,
    its source the round's own document. The number of figures written."""
    written = 0
    with transaction.atomic():
        round_.claim(status=round_.Status.OPEN)
        text = "\n".join(
            f"{line.indicator.code}: {line.total} = " + " + ".join(
                f"{submission.organisation.name} {figure.value}"
                + (f" ({submission.document.name})" if submission.document else "")
                for submission, figure in line.contributions)
            + (f" − {line.overlap} " + _("already in the register") if line.overlap else "")
            + f" → {line.counted_once}"
            for line in lines if line.total is not None)
        source = round_.source or SourceDocument(owner=round_.owner, created_by=user)
        source.title = _("Reporting round: %(round)s") % {"round": round_.title}
        source.text = text
        source.published_on = timezone.localdate()
        source.save()
        for line in lines:
            if line.total is None:
                continue
            figure = ReportedFigure.objects.filter(
                owner=round_.owner, indicator=line.indicator, place=round_.owner,
                period=round_.period, source=source).first() or ReportedFigure(
                owner=round_.owner, indicator=line.indicator, place=round_.owner,
                period=round_.period, source=source, created_by=user)
            figure.value = line.counted_once
            # A sum of money is asked in đồng; a count, persons or a length as the catalogue says.
            figure.unit = "VND" if line.indicator.unit == "money" else line.indicator.unit
            figure.quote = _(
                "The province's records and %(count)s units' figures in the round “%(round)s”, "
                "a delegation both in the register and reported by its unit counted once."
            ) % {"count": len(line.contributions), "round": round_.title}
            figure.save()
            written += 1
        round_.source = source
        round_.status = round_.Status.ACCEPTED
        round_.accepted_by = user
        round_.accepted_on = timezone.localdate()
        round_._change_reason = _("Result accepted")
        round_.save()
    return written
