"""How each indicator of the catalogue is computed from the records.

``COMPUTATIONS`` maps an indicator code to a ``Computation``: a function of
``(unit_ids, start, end)`` built on the models' QuerySets, and the register whose records it
reads (used to decide whether the records cover a period). Indicators that records cannot
give (economy.*, tourism.*, geography.*...) have no entry: they are reported only.

The registers of the later apps (consular cases, foreigners, official passports, border
incidents, trade) define their figures in their own ``indicators.py``; ``register_apps()``, at
the end of this module, adds them here with the date each register starts.

Flows count what happened in the period (a delegation departing, an agreement signed, a
disbursement made); stocks count what stands at the period's end (agreements in force,
friendship pacts, FDI projects still licensed).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core import rates
from doingoai.core.models import AdminUnit, ExchangeRate
from doingoai.core.rates import MissingRate, convert
from doingoai.delegations.models import Delegation, DelegationMember
from doingoai.events.models import Event
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact
from doingoai.partners.models import Partner, PartnerRelation

# Records in these states never happened (a refused trip, a cancelled conference).
NOT_HELD_DELEGATION = [Delegation.Status.REFUSED, Delegation.Status.CANCELLED]
NOT_HELD_EVENT = [Event.Status.REFUSED, Event.Status.CANCELLED]
NOT_SIGNED = list(Agreement.NOT_SIGNED_STATUSES)
ODA = [AidProgramme.Kind.ODA_GRANT, AidProgramme.Kind.ODA_LOAN]
NGO = [AidProgramme.Kind.NGO]
FDI = [AidProgramme.Kind.FDI]


@dataclass
class Computed:
    value: Decimal
    unit: str
    of: Decimal | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Computation:
    register: str
    stock: bool
    function: Callable[[list[int], dt.date, dt.date], Computed]
    definition: str
    # For a stock: every record of the kind it counts, whatever its dates. The records cover
    # a stock once any such record exists (an office that has entered its border posts has
    # entered them all); a flow is covered from the year of the register's first record.
    universe: Callable | None = None


COMPUTATIONS: dict[str, Computation] = {}


def computes(code: str, register: str, *, universe: Callable | None = None):
    def decorate(function):
        COMPUTATIONS[code] = Computation(register, universe is not None, function,
                                         (function.__doc__ or "").strip(), universe)
        return function
    return decorate


# Register name -> the date of a unit's earliest record in it, for the registers that other
# apps add (the report's own registers are answered by ``first_record_on`` below).
FIRST_RECORD_ON: dict[str, Callable[[int], dt.date | None]] = {}


def keeps_register(register: str, first_record_on: Callable[[int], dt.date | None]) -> None:
    FIRST_RECORD_ON[register] = first_record_on


def compute(code: str, unit_ids: list[int], start: dt.date, end: dt.date) -> Computed | None:
    computation = COMPUTATIONS.get(code)
    if computation is None:
        return None
    tally = _active_tally.get()
    if tally is not None and code in TALLIED and tally.covers(unit_ids, start, end, code):
        return tally.compute(code, unit_ids, start, end)
    return computation.function(unit_ids, start, end)


def _count(queryset, unit="count") -> Computed:
    return Computed(Decimal(queryset.count()), unit)


# --- delegations -----------------------------------------------------------------------
def delegations(unit_ids, start, end, direction):
    return (Delegation.objects.filter(owner_id__in=unit_ids, direction=direction)
            .departing_between(start, end).exclude(status__in=NOT_HELD_DELEGATION))


def members(unit_ids, start, end, direction):
    return DelegationMember.objects.filter(
        delegation__in=delegations(unit_ids, start, end, direction))


@computes("delegations.outgoing", "delegations")
def outgoing(unit_ids, start, end):
    """Outgoing delegations whose departure falls in the period (refused and cancelled trips
    left out)."""
    return _count(delegations(unit_ids, start, end, Delegation.Direction.OUTGOING))


@computes("delegations.outgoing_persons", "delegations")
def outgoing_persons(unit_ids, start, end):
    """Members of those outgoing delegations: person-trips (lượt người)."""
    return _count(members(unit_ids, start, end, Delegation.Direction.OUTGOING), "persons")


@computes("delegations.incoming", "delegations")
def incoming(unit_ids, start, end):
    """Incoming foreign delegations arriving in the period."""
    return _count(delegations(unit_ids, start, end, Delegation.Direction.INCOMING))


@computes("delegations.incoming_persons", "delegations")
def incoming_persons(unit_ids, start, end):
    """Members of those incoming delegations."""
    return _count(members(unit_ids, start, end, Delegation.Direction.INCOMING), "persons")


# --- agreements ------------------------------------------------------------------------
def agreements_signed(unit_ids, start, end):
    return (Agreement.objects.filter(owner_id__in=unit_ids).signed_between(start, end)
            .exclude(status__in=NOT_SIGNED))


@computes("agreements.signed", "agreements")
def signed(unit_ids, start, end):
    """Agreements, memoranda and minutes signed in the period."""
    return _count(agreements_signed(unit_ids, start, end))


@computes("agreements.implementing", "agreements",
          universe=lambda ids: Agreement.objects.filter(owner_id__in=ids))
def implementing(unit_ids, start, end):
    """Agreements in force at the period's end (signed, not expired, not terminated)."""
    return _count(Agreement.objects.filter(owner_id__in=unit_ids).in_force_on(end))


# --- partners --------------------------------------------------------------------------
@computes("partners.foreign_localities", "partners", universe=lambda ids: Partner.objects.filter(
    owner_id__in=ids, kind=Partner.Kind.FOREIGN_LOCALITY))
def foreign_localities(unit_ids, start, end):
    """Foreign provinces and cities with a friendship or cooperation relation standing at the
    period's end."""
    standing = PartnerRelation.objects.filter(
        kind__in=[PartnerRelation.Kind.FRIENDSHIP, PartnerRelation.Kind.COOPERATION],
    ).filter(Q(started_on__isnull=True) | Q(started_on__lte=end)).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=end))
    return _count(Partner.objects.filter(
        owner_id__in=unit_ids, kind=Partner.Kind.FOREIGN_LOCALITY,
        relations__in=standing).distinct())


# --- aid -------------------------------------------------------------------------------
def programmes(unit_ids, kinds):
    return (AidProgramme.objects.filter(owner_id__in=unit_ids, kind__in=kinds)
            .exclude(status=AidProgramme.Status.CANCELLED)
            .annotate(began_on=Coalesce("starts_on", "decision_date")))


def programmes_running(unit_ids, start, end, kinds):
    """Programmes whose span (start or approval to end) overlaps the period."""
    return programmes(unit_ids, kinds).filter(began_on__lte=end).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start))


def transactions(unit_ids, start, end, kinds, kind):
    return AidTransaction.objects.filter(
        programme__owner_id__in=unit_ids, programme__kind__in=kinds, kind=kind,
        on__range=(start, end),
    ).exclude(programme__status=AidProgramme.Status.CANCELLED).exclude(
        programme__deleted_at__isnull=False)


def in_vnd(rows) -> Computed:
    """The sum of ``rows`` (AidTransactions) in đồng, each converted at the rate of its own
    date. Rows of one currency, day and fixed rate are summed in SQL first: conversion is
    linear, so the result is the same as converting row by row, with far fewer lookups."""
    total = Decimal(0)
    notes = []
    groups = (rows.order_by().values("currency_id", "on", "fixed_vnd_per_unit")
              .annotate(amount=Sum("amount")))
    for group in groups:
        try:
            conversion = convert(group["amount"], group["currency_id"], "VND", group["on"],
                                 group["fixed_vnd_per_unit"])
        except MissingRate as exc:
            notes.append(str(exc))
            continue
        total += conversion.amount
    return Computed(total.quantize(Decimal(1)), "VND", notes=sorted(set(notes)))


@computes("ngo.projects", "aid")
def ngo_projects(unit_ids, start, end):
    """Foreign NGO programmes, projects and grants received or under way in the period (their
    span, from start or approval to end, overlaps it)."""
    return _count(programmes_running(unit_ids, start, end, NGO))


@computes("ngo.projects_signed", "aid")
def ngo_projects_signed(unit_ids, start, end):
    """Foreign NGO programmes newly signed (approved, or started when no approval date is
    recorded) in the period."""
    return _count(programmes(unit_ids, NGO).annotate(
        signed_on=Coalesce("decision_date", "starts_on")).filter(signed_on__range=(start, end)))


@computes("ngo.amount_committed", "aid")
def ngo_committed(unit_ids, start, end):
    """Commitments to foreign NGO programmes dated in the period, in đồng at their dates."""
    return in_vnd(transactions(unit_ids, start, end, NGO, AidTransaction.Kind.COMMITMENT))


@computes("ngo.amount_disbursed", "aid")
def ngo_disbursed(unit_ids, start, end):
    """Disbursements of foreign NGO programmes dated in the period, in đồng at their dates."""
    return in_vnd(transactions(unit_ids, start, end, NGO, AidTransaction.Kind.DISBURSEMENT))


@computes("ngo.organisations", "aid")
def ngo_organisations(unit_ids, start, end):
    """Distinct donors of the foreign NGO programmes under way in the period."""
    running = programmes_running(unit_ids, start, end, NGO)
    return _count(Partner.objects.filter(aid_programmes__in=running).distinct())


@computes("oda.projects", "aid")
def oda_projects(unit_ids, start, end):
    """ODA grants and loans under way in the period."""
    return _count(programmes_running(unit_ids, start, end, ODA))


@computes("oda.amount", "aid")
def oda_amount(unit_ids, start, end):
    """ODA commitments dated in the period, in đồng at their dates."""
    return in_vnd(transactions(unit_ids, start, end, ODA, AidTransaction.Kind.COMMITMENT))


def fdi_standing(unit_ids, end):
    return programmes(unit_ids, FDI).exclude(status=AidProgramme.Status.FINISHED).filter(
        began_on__lte=end).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=end))


@computes("fdi.projects", "aid", universe=lambda ids: programmes(ids, FDI))
def fdi_projects(unit_ids, start, end):
    """FDI projects still licensed at the period's end."""
    return _count(fdi_standing(unit_ids, end))


@computes("fdi.capital", "aid", universe=lambda ids: programmes(ids, FDI))
def fdi_capital(unit_ids, start, end):
    """Registered capital (commitments up to the period's end) of those FDI projects."""
    return in_vnd(AidTransaction.objects.filter(
        programme__in=fdi_standing(unit_ids, end), kind=AidTransaction.Kind.COMMITMENT,
        on__lte=end))


# --- conferences -----------------------------------------------------------------------
def events(unit_ids, start, end):
    return (Event.objects.filter(owner_id__in=unit_ids).starting_between(start, end)
            .exclude(status__in=NOT_HELD_EVENT))


@computes("conferences.organised", "events")
def organised(unit_ids, start, end):
    """International conferences, seminars and talks the province organised, starting in the
    period."""
    return _count(events(unit_ids, start, end).organised())


@computes("conferences.attended", "events")
def attended(unit_ids, start, end):
    """International conferences and seminars the province attended, starting in the
    period."""
    return _count(events(unit_ids, start, end).attended())


# --- friendship ------------------------------------------------------------------------
def pacts(unit_ids, kind):
    return FriendshipPact.objects.filter(owner_id__in=unit_ids, kind=kind)


def _sides(queryset, by_unit: bool) -> int:
    """Distinct places on our side: a commune with two pacts is one commune. Communes are
    told apart by their unit (a pact without a linked unit by the name of its side); border
    posts by name, since a post is not an administrative unit (its unit is its district)."""
    if not by_unit:
        return queryset.aggregate(n=Count("our_side", distinct=True))["n"]
    linked = queryset.filter(our_unit__isnull=False).aggregate(
        n=Count("our_unit", distinct=True))["n"]
    unlinked = queryset.filter(our_unit__isnull=True).aggregate(
        n=Count("our_side", distinct=True))["n"]
    return linked + unlinked


# On this day the districts were abolished and the communes merged (Resolution
# 202/2025/QH15): a period ending on it or later is counted in today's communes.
REFORM_DAY = dt.date(2025, 7, 1)


# The figures a period after the reform counts in today's communes (``_successor_communes``).
COUNTED_IN_TODAYS_COMMUNES = {"friendship.border_communes", "friendship.district_pairs"}


def reformed(end: dt.date) -> bool:
    """The period ends after the 2025 reform: its places are today's communes and wards."""
    return end >= REFORM_DAY


def _successor_communes(queryset) -> set[int]:
    """The communes and wards in force since the 2025 reform that took over the places on
    our side of the pacts of ``queryset``: an abolished commune's successor (two old
    communes merged into one are one), the successors of every commune of an abolished
    district, a unit in force itself. Pacts without a linked unit are left out (they are
    counted by their names)."""
    unit_ids = set(queryset.filter(our_unit__isnull=False).values_list("our_unit", flat=True))
    if not unit_ids:
        return set()
    found = set()
    units = AdminUnit.objects.filter(pk__in=unit_ids).values_list("pk", "level", "successor",
                                                                  "valid_to")
    districts = []
    for pk, level, successor, valid_to in units:
        if valid_to is None or valid_to >= REFORM_DAY:
            found.add(pk)
        elif level == AdminUnit.Level.DISTRICT:
            districts.append(pk)
        elif successor is not None:
            found.add(successor)
    if districts:
        found.update(AdminUnit.objects.filter(
            parent_id__in=districts, level=AdminUnit.Level.COMMUNE, successor__isnull=False)
            .values_list("successor", flat=True).distinct())
    return found


def _today_sides(queryset) -> int:
    """Distinct places on our side counted in today's communes (``_successor_communes``),
    plus the unlinked pacts by name."""
    unlinked = queryset.filter(our_unit__isnull=True).aggregate(
        n=Count("our_side", distinct=True))["n"]
    return len(_successor_communes(queryset)) + unlinked


def _pacts_of(kind, by_unit=True):
    def function(unit_ids, start, end):
        if by_unit and reformed(end):
            standing = _today_sides(pacts(unit_ids, kind).in_force_on(end))
            ever = _today_sides(pacts(unit_ids, kind))
        else:
            standing = _sides(pacts(unit_ids, kind).in_force_on(end), by_unit)
            ever = _sides(pacts(unit_ids, kind), by_unit)
        return Computed(Decimal(standing), "count", Decimal(ever))
    return function


def _pact_universe(kind):
    return lambda ids: pacts(ids, kind)


_BORDER_DENOMINATOR = (
    " The denominator (the number of border communes or posts) is the one the office last "
    "reported for the place; without a reported one it is the number of distinct units that "
    "have ever had such a pact in the records.")

COMPUTATIONS["friendship.border_communes"] = Computation(
    "friendship", True, _pacts_of(FriendshipPact.Kind.BORDER_COMMUNE),
    "Border communes and towns with a friendship pact in force at the period's end; after "
    "1 July 2025, the distinct communes and wards that took them over."
    + _BORDER_DENOMINATOR, _pact_universe(FriendshipPact.Kind.BORDER_COMMUNE))
COMPUTATIONS["friendship.border_posts"] = Computation(
    "friendship", True, _pacts_of(FriendshipPact.Kind.BORDER_POST, by_unit=False),
    "Border posts twinned with the facing station at the period's end." + _BORDER_DENOMINATOR,
    _pact_universe(FriendshipPact.Kind.BORDER_POST))


def _pair_count(kind):
    def function(unit_ids, start, end):
        return _count(pacts(unit_ids, kind).in_force_on(end))
    return function


def _district_pairs(unit_ids, start, end):
    """Before the reform, the pairs in force; after it, the districts are gone and their
    pacts are counted through the communes and wards that took the districts over (distinct
    successors of the districts' communes)."""
    standing = pacts(unit_ids, FriendshipPact.Kind.DISTRICT_PAIR).in_force_on(end)
    if reformed(end):
        return Computed(Decimal(_today_sides(standing)), "count")
    return _count(standing)


COMPUTATIONS["friendship.district_pairs"] = Computation(
    "friendship", True, _district_pairs,
    "District and city pairs with a friendship pact in force at the period's end; after "
    "1 July 2025, the distinct communes and wards that took those districts over.",
    _pact_universe(FriendshipPact.Kind.DISTRICT_PAIR))
COMPUTATIONS["friendship.village_pairs"] = Computation(
    "friendship", True, _pair_count(FriendshipPact.Kind.VILLAGE_PAIR),
    "Village and hamlet pairs across the border twinned at the period's end.",
    _pact_universe(FriendshipPact.Kind.VILLAGE_PAIR))


@computes("friendship.associations", "friendship",
          universe=lambda ids: FriendshipAssociation.objects.filter(owner_id__in=ids))
def associations(unit_ids, start, end):
    """Friendship associations founded on or before the period's end."""
    return _count(FriendshipAssociation.objects.filter(owner_id__in=unit_ids).filter(
        Q(founded_on__isnull=True) | Q(founded_on__lte=end)))


# --- tallies: one GROUP BY per register ----------------------------------------------
# The functions above say what each figure counts, one place and period at a time. A report
# asks for the same figures for several places (a merged province and its parts) and periods
# (the period and the years of its trends), and the ministry comparison for every province:
# asked one by one, that is one query per figure, place and period. Within ``tallying``, the
# figures a ``@tallied`` loader declares are read for every unit and date of the window in one
# GROUP BY query per register (owner, kind, date), then summed in Python for each place and
# period by bisection over the dates. The loaders count exactly what the functions above
# count (``reports/tests/test_tallies.py`` compares the two on the same records).

@dataclass
class Series:
    """One figure of one owner: values by date, sorted by date (flows)."""

    dates: list[dt.date] = field(default_factory=list)
    values: list = field(default_factory=list)

    def between(self, start: dt.date, end: dt.date):
        return sum(self.values[bisect_left(self.dates, start):bisect_right(self.dates, end)])


@dataclass
class Spans:
    """One figure of one owner as (from, to, number) spans (stocks and running programmes):
    ``to`` None for an open end."""

    rows: list[tuple[dt.date, dt.date | None, int]] = field(default_factory=list)

    def standing_on(self, day: dt.date) -> int:
        return sum(n for began, ended, n in self.rows
                   if began <= day and (ended is None or ended >= day))

    def overlapping(self, start: dt.date, end: dt.date) -> int:
        return sum(n for began, ended, n in self.rows
                   if began <= end and (ended is None or ended >= start))


@dataclass
class Distinct:
    """One figure of one owner as (from, to, what) spans, counted as the distinct whats of
    the spans overlapping a period, whatever the owner (a donor of two programmes is one)."""

    rows: list[tuple[dt.date, dt.date | None, int]] = field(default_factory=list)

    def overlapping(self, start: dt.date, end: dt.date) -> set:
        return {what for began, ended, what in self.rows
                if began <= end and (ended is None or ended >= start)}


# code -> (loader, how the figure is read from the loaded data, unit)
TALLIED: dict[str, tuple[Callable, str, str]] = {}


def tallied(**codes: tuple[str, str]):
    """Declare a loader of several figures: ``code=(how, unit)`` with ``how`` one of
    "between" (a flow: values dated in the period), "standing" (spans standing at the period's
    end), "overlapping" (spans overlapping the period), "distinct" (the distinct things of the
    spans overlapping the period)."""
    def decorate(loader):
        for key, (how, unit) in codes.items():
            TALLIED[key.replace("__", ".")] = (loader, how, unit)
        return loader
    return decorate


def _series(rows) -> dict:
    """{(code, owner): Series} from (code, owner, date, value) rows; rows without a date are
    left out, as ``__range`` leaves them out."""
    found = defaultdict(Series)
    for code, owner, on, value in sorted((r for r in rows if r[2] is not None),
                                         key=lambda r: (r[0], r[1], r[2])):
        series = found[(code, owner)]
        if series.dates and series.dates[-1] == on:
            series.values[-1] += value
        else:
            series.dates.append(on)
            series.values.append(value)
    return found


@tallied(delegations__outgoing=("between", "count"),
         delegations__incoming=("between", "count"),
         delegations__outgoing_persons=("between", "persons"),
         delegations__incoming_persons=("between", "persons"))
def _delegation_tally(tally):
    """Delegations and their members by owner, direction and departure, in one pass over the
    delegations joined to their members; only the directions and numbers asked (a comparison
    of person-trips counts members, no distinct delegations)."""
    asked, numbers = _delegation_numbers(tally)

    def groups_of(t):
        asked, numbers = _delegation_numbers(t)
        directions = sorted({d for wanted in asked.values() for d in wanted})
        return (delegations_of(t.ids, t.start, t.end).filter(direction__in=directions).order_by()
                .annotate(day=t.day("departs_on")).values("owner_id", "direction", "day")
                .annotate(**{f"n{n}": number for n, number in enumerate(numbers.values())}))

    groups = tally.rows(groups_of)
    return _series((pattern.format(g["direction"]), g["owner_id"], g["day"], g[f"n{n}"])
                   for g in groups for n, pattern in enumerate(numbers)
                   if g["direction"] in asked[pattern])


def _delegation_numbers(tally):
    """The directions asked of each figure, and the numbers to count for those asked."""
    counted = {
        "delegations.{}": Count("id", distinct=True), "delegations.{}_persons": Count("members")}
    asked = {pattern: tally.wanted(pattern, Delegation.Direction) for pattern in counted}
    return asked, {pattern: number for pattern, number in counted.items() if asked[pattern]}


def delegations_of(unit_ids, start, end):
    """The delegations of ``unit_ids`` departing in ``start``–``end`` that took place."""
    return (Delegation.objects.filter(owner_id__in=unit_ids, departs_on__range=(start, end))
            .exclude(status__in=NOT_HELD_DELEGATION))


@tallied(conferences__organised=("between", "count"),
         conferences__attended=("between", "count"))
def _event_tally(tally):
    groups = tally.rows(lambda t: (
        Event.objects.filter(
            owner_id__in=t.ids, starts_on__range=(t.start, t.end),
            role__in=t.wanted("conferences.{}", [Event.Role.ORGANISED, Event.Role.ATTENDED]))
        .exclude(status__in=NOT_HELD_EVENT).order_by()
        .annotate(day=t.day("starts_on")).values("owner_id", "role", "day")
        .annotate(n=Count("id"))))
    return _series((f"conferences.{g['role']}", g["owner_id"], g["day"], g["n"])
                    for g in groups)


@tallied(agreements__signed=("between", "count"),
         agreements__implementing=("standing", "count"))
def _agreement_tally(tally):
    signed = tally.rows(lambda t: (
        Agreement.objects.filter(owner_id__in=t.ids, signed_on__range=(t.start, t.end))
        .exclude(status__in=NOT_SIGNED).order_by()
        .annotate(day=t.day("signed_on")).values("owner_id", "day").annotate(n=Count("id"))))
    found = _series(("agreements.signed", g["owner_id"], g["day"], g["n"]) for g in signed)
    standing = tally.rows(lambda t: (
        Agreement.objects.filter(owner_id__in=t.ids, signed_on__lte=t.end)
        .exclude(expires_on__lt=t.start)
        .exclude(status__in=[Agreement.Status.TERMINATED, *NOT_SIGNED]).order_by()
        .values("owner_id", "signed_on", "expires_on").annotate(n=Count("id"))))
    for g in standing:
        found.setdefault(("agreements.implementing", g["owner_id"]), Spans()).rows.append(
            (g["signed_on"], g["expires_on"], g["n"]))
    return found


def _family():
    return Case(When(kind__in=NGO, then=Value("ngo")), When(kind__in=ODA, then=Value("oda")),
                default=Value("fdi"))


@tallied(ngo__projects=("overlapping", "count"), oda__projects=("overlapping", "count"),
         ngo__projects_signed=("between", "count"))
def _programme_tally(tally):
    found = {}
    running = tally.rows(lambda t: (
        programmes_running(t.ids, t.start, t.end, NGO + ODA).order_by()
        .annotate(family=_family()).values("owner_id", "family", "began_on", "ends_on")
        .annotate(n=Count("id"))))
    for g in running:
        found.setdefault((f"{g['family']}.projects", g["owner_id"]), Spans()).rows.append(
            (g["began_on"], g["ends_on"], g["n"]))
    signed = tally.rows(lambda t: (
        programmes(t.ids, NGO).annotate(signed_on=Coalesce("decision_date", "starts_on"))
        .filter(signed_on__range=(t.start, t.end)).order_by()
        .annotate(day=t.day("signed_on")).values("owner_id", "day").annotate(n=Count("id"))))
    found.update(_series(("ngo.projects_signed", g["owner_id"], g["day"], g["n"])
                          for g in signed))
    return found


@tallied(fdi__projects=("standing", "count"))
def _fdi_tally(tally):
    """FDI projects still licensed (not finished) with their spans, those that may stand on
    a day of the window (as ``fdi_standing``)."""
    standing = tally.rows(lambda t: (
        programmes_running(t.ids, t.start, t.end, FDI)
        .exclude(status=AidProgramme.Status.FINISHED).order_by()
        .values("owner_id", "began_on", "ends_on").annotate(n=Count("id"))))
    found = {}
    for g in standing:
        found.setdefault(("fdi.projects", g["owner_id"]), Spans()).rows.append(
            (g["began_on"], g["ends_on"], g["n"]))
    return found


@tallied(ngo__organisations=("distinct", "count"))
def _donor_tally(tally):
    """The donors of the NGO programmes under way in the window, with each programme's
    span."""
    links = tally.rows(lambda t: (
        AidProgramme.donors.through.objects
        .filter(aidprogramme__in=programmes_running(t.ids, t.start, t.end, NGO),
                partner__deleted_at__isnull=True).order_by()
        .annotate(began_on=Coalesce("aidprogramme__starts_on", "aidprogramme__decision_date"),
                  owner_id=F("aidprogramme__owner_id"), ends_on=F("aidprogramme__ends_on"))
        .values("owner_id", "began_on", "ends_on", "partner_id").distinct()))
    found = {}
    for g in links:
        found.setdefault(("ngo.organisations", g["owner_id"]), Distinct()).rows.append(
            (g["began_on"], g["ends_on"], g["partner_id"]))
    return found


_MONEY = {("ngo", AidTransaction.Kind.COMMITMENT.value): "ngo.amount_committed",
          ("ngo", AidTransaction.Kind.DISBURSEMENT.value): "ngo.amount_disbursed",
          ("oda", AidTransaction.Kind.COMMITMENT.value): "oda.amount"}


@tallied(ngo__amount_committed=("between", "VND"), ngo__amount_disbursed=("between", "VND"),
         oda__amount=("between", "VND"))
def _transaction_tally(tally):
    """Aid amounts in đồng by owner and day: rows of one currency, day and fixed rate summed
    in SQL, each group converted at its day's rate (as ``in_vnd``); a missing rate is kept as
    a note of that day. Amounts in đồng need no rate and are summed by stretch like any other
    flow; the others by day, each day having its own rate. Each group brings the rate of its
    day (a subquery on the rates' unique currency and day), so the rate table is not read."""
    groups = tally.rows(lambda t: (
        AidTransaction.objects.filter(
            programme__owner_id__in=t.ids, programme__kind__in=NGO + ODA,
            on__range=(t.start, t.end))
        .exclude(programme__status=AidProgramme.Status.CANCELLED)
        .exclude(programme__deleted_at__isnull=False).order_by()
        .annotate(owner_id=F("programme__owner_id"),
                  family=Case(When(programme__kind__in=NGO, then=Value("ngo")),
                              default=Value("oda")),
                  day=Case(When(currency_id="VND", then=t.day("on")), default=F("on")))
        .values("owner_id", "family", "kind", "currency_id", "day", "fixed_vnd_per_unit")
        .annotate(amount=Sum("amount"), vnd_per_unit=_rate_of_the_day("vnd_per_unit"))))
    # Each group's day with the rate its subquery found: a day without a rate has none on
    # any earlier day either, so looking a day up finds its own rate or none, as in the
    # whole table.
    table = rates.RateTable({(g["currency_id"], g["day"], g["vnd_per_unit"], "")
                             for g in groups if g["vnd_per_unit"] is not None})
    rows = []
    for g in groups:
        code = _MONEY.get((g["family"], g["kind"]))
        if code is None:
            continue
        try:
            value = (rates.in_vnd(g["amount"], g["currency_id"], g["day"],
                                  g["fixed_vnd_per_unit"], table), ())
        except MissingRate as exc:
            value = (Decimal(0), (str(exc),))
        rows.append((code, g["owner_id"], g["day"], _Money(*value)))
    return _series(rows)


def _rate_of_the_day(column: str):
    """``column`` of the latest rate of the group's currency on or before its day."""
    return Subquery(
        ExchangeRate.objects.filter(currency_id=OuterRef("currency_id"), on__lte=OuterRef("day"))
        .order_by("-on").values(column)[:1])


@dataclass
class _Money:
    """A sum in đồng with the notes of the rates that were missing for it."""

    amount: Decimal
    notes: tuple = ()

    def __add__(self, other):
        if other == 0:
            return self
        return _Money(self.amount + other.amount, self.notes + other.notes)

    __radd__ = __add__


class Tally:
    """The tallied figures of ``unit_ids`` over ``start``–``end``, each register read on first
    use.

    Flows are read by day, unless the ``periods`` to be asked are given: then by stretch
    between the periods' boundaries (one row per owner and year for a five-year report and
    its trends, instead of one per owner and day), and only periods made of whole stretches
    are answered from the tally (any other is computed directly)."""

    def __init__(self, unit_ids, start: dt.date, end: dt.date, periods=None, codes=None):
        self.unit_ids, self.start, self.end = set(unit_ids), start, end
        self.ids = sorted(self.unit_ids)
        # The figures that will be asked (None: any); a loader reads no other.
        self.codes = set(codes) if codes is not None else None
        self.loaded: dict[Callable, dict] = {}
        self.boundaries = None
        if periods is not None:
            after = end + dt.timedelta(days=1)
            self.boundaries = sorted({start, after} | {
                day for p in periods for day in (p.start, p.end + dt.timedelta(days=1))
                if start <= day <= after})

    def wanted(self, pattern: str, keys) -> list[str]:
        """Of ``keys`` (directions, roles), those whose figure ``pattern.format(key)`` will be
        asked."""
        return [str(key) for key in keys
                if self.codes is None or pattern.format(str(key)) in self.codes]

    def covers(self, unit_ids, start, end, code=None) -> bool:
        if code is not None and self.codes is not None and code not in self.codes:
            return False
        if not (self.start <= start and end <= self.end and self.unit_ids.issuperset(unit_ids)):
            return False
        return self.boundaries is None or (
            start in self.boundaries and end + dt.timedelta(days=1) in self.boundaries)

    def day(self, name: str):
        """The date a flow's record is counted on: its own (``name``), or the first day of
        its stretch."""
        if self.boundaries is None:
            return F(name)
        firsts, nexts = self.boundaries[:-1], self.boundaries[1:]
        if len(firsts) == 1:
            return Value(firsts[0], output_field=DateField())
        return Case(*(When(**{f"{name}__lt": after}, then=Value(first))
                      for first, after in zip(firsts[:-1], nexts[:-1], strict=True)),
                    default=Value(firsts[-1]), output_field=DateField())

    def rows(self, build: Callable[[Tally], QuerySet]) -> list[dict]:
        """The rows of the ``values()`` QuerySet ``build(tally)``, which reads nothing but
        the tally it is given (its ids, dates, ``day`` and ``wanted``).

        Building and compiling a QuerySet takes longer than the database takes to run it on
        a province's records, so it is done once per shape of the tally (its number of units,
        the order of its dates, the figures asked), on a stand-in tally whose ids and dates
        are values no record has; each tally then runs that SQL with its own ids and dates in
        their places."""
        dates = [self.start, self.end, *(self.boundaries or ())]
        days = sorted(set(dates))
        shape = (build.__code__, connection.alias, connection.vendor, len(self.ids),
                 self.boundaries is not None, tuple(days.index(d) for d in dates),
                 None if self.codes is None else frozenset(self.codes))
        if shape not in _STATEMENTS:
            if len(_STATEMENTS) >= _MOST_STATEMENTS:
                _STATEMENTS.clear()  # shapes are few; a bound all the same
            _STATEMENTS[shape] = _Statement(build, self, days)
        statement = _STATEMENTS[shape]
        return statement.run(self.ids, days)

    def compute(self, code, unit_ids, start, end) -> Computed:
        loader, how, unit = TALLIED[code]
        if loader not in self.loaded:
            self.loaded[loader] = loader(self)
        data = self.loaded[loader]
        total, seen = 0, set()
        for owner in unit_ids:
            figure = data.get((code, owner))
            if figure is None:
                continue
            if how == "distinct":
                seen |= figure.overlapping(start, end)
            elif how == "between":
                total = total + figure.between(start, end)
            elif how == "standing":
                total += figure.standing_on(end)
            else:
                total += figure.overlapping(start, end)
        if how == "distinct":
            total = len(seen)
        if unit == "VND":
            money = total if isinstance(total, _Money) else _Money(Decimal(0))
            return Computed(money.amount.quantize(Decimal(1)), "VND",
                            notes=sorted(set(money.notes)))
        return Computed(Decimal(total), unit)


# A stand-in unit id and day: no record has them.
_STAND_IN_ID, _STAND_IN_DAY = -(2**40), dt.date(1, 1, 1)


class _Statement:
    """The SQL of one tally query, compiled once from a stand-in tally (``Tally.rows``)."""

    def __init__(self, build, tally: Tally, days: list[dt.date]):
        ops = connection.ops
        ids = [_STAND_IN_ID + n for n in range(len(tally.ids))]
        stand_in_days = [_STAND_IN_DAY + dt.timedelta(days=n) for n in range(len(days))]
        stand_in = Tally.__new__(Tally)
        stand_in.unit_ids, stand_in.ids, stand_in.codes = set(ids), ids, tally.codes
        stand_in.loaded = {}
        by_day = dict(zip(days, stand_in_days, strict=True))
        stand_in.start, stand_in.end = by_day[tally.start], by_day[tally.end]
        stand_in.boundaries = (None if tally.boundaries is None
                               else [by_day[d] for d in tally.boundaries])
        queryset = build(stand_in)
        query = queryset.query
        # The columns' names, as ``QuerySet.values()`` gives them.
        self.names = list(query.selected) if query.selected else [
            *query.extra_select, *query.values_select, *query.annotation_select]
        self.compiler = query.get_compiler(connection=connection)
        try:
            self.sql, params = self.compiler.as_sql()
        except EmptyResultSet:
            self.sql, params = None, ()
        # Where each stand-in id or day went among the parameters.
        slots = {stand_in_id: ("id", n) for n, stand_in_id in enumerate(ids)}
        slots.update({ops.adapt_datefield_value(day): ("day", n)
                      for n, day in enumerate(stand_in_days)})
        self.params = list(params)
        self.slots = [(position, slots[value]) for position, value in enumerate(params)
                      if isinstance(value, (int, str, dt.date)) and value in slots]

    def run(self, ids: list[int], days: list[dt.date]) -> list[dict]:
        if self.sql is None:
            return []
        params = list(self.params)
        for position, (kind, n) in self.slots:
            params[position] = (ids[n] if kind == "id"
                                else connection.ops.adapt_datefield_value(days[n]))
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        return [dict(zip(self.names, row, strict=False))
                for row in self.compiler.results_iter(results=[fetched])]


# The compiled tally queries by shape (``Tally.rows``).
_STATEMENTS: dict[tuple, _Statement] = {}
_MOST_STATEMENTS = 2000


@dataclass(frozen=True)
class _Span:
    start: dt.date
    end: dt.date


_active_tally: ContextVar[Tally | None] = ContextVar("tally", default=None)


@contextmanager
def tallying(unit_ids, start: dt.date, end: dt.date, periods=None, codes=None):
    """Within the block, the tallied figures (of ``codes``, when given) of ``unit_ids`` for
    periods within ``start``–``end`` (those of ``periods``, when given: see ``Tally``) are
    answered from one query per register (and the rates from one rate table); a block within
    another that already covers them keeps the outer one."""
    outer = _active_tally.get()
    if outer is not None and all(outer.covers(unit_ids, p.start, p.end, code)
                                 for p in periods or [_Span(start, end)]
                                 for code in codes or [None]) and (
            codes is not None or outer.codes is None):
        with rates.using():
            yield outer
        return
    token = _active_tally.set(Tally(unit_ids, start, end, periods, codes))
    try:
        with rates.using():
            yield _active_tally.get()
    finally:
        _active_tally.reset(token)


# --- coverage --------------------------------------------------------------------------
def first_record_on(register: str, unit_id: int) -> dt.date | None:
    """The date of the unit's earliest record in ``register`` (None when it has none)."""
    if register == "delegations":
        return Delegation.objects.filter(owner_id=unit_id).aggregate(d=Min("departs_on"))["d"]
    if register == "events":
        return Event.objects.filter(owner_id=unit_id).aggregate(d=Min("starts_on"))["d"]
    if register == "agreements":
        return Agreement.objects.filter(owner_id=unit_id).aggregate(d=Min("signed_on"))["d"]
    if register == "aid":
        dates = [
            AidProgramme.objects.filter(owner_id=unit_id).aggregate(
                d=Min(Coalesce("starts_on", "decision_date")))["d"],
            AidTransaction.objects.filter(programme__owner_id=unit_id).aggregate(
                d=Min("on"))["d"],
        ]
        dates = [d for d in dates if d]
        return min(dates) if dates else None
    if register in FIRST_RECORD_ON:
        return FIRST_RECORD_ON[register](unit_id)
    raise ValueError(register)


# The apps whose indicators.py adds figures to the report. Registered when this module is
# first imported (not in an AppConfig.ready()), so that anything reading COMPUTATIONS — the
# report, the CLI, the benchmarks, a test importing this module alone — sees them all.
REGISTER_APPS = ["consular", "residents", "passports", "border", "trade"]


def register_apps() -> None:
    for app in REGISTER_APPS:
        import_module(f"doingoai.{app}.indicators").register()


register_apps()

