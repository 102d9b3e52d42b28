"""The periodic report: for each indicator, place and period, the figure computed from the
records, the figure reported (by hand, by import, or accepted from an article), the
difference, and which of the two the report prints and why.

Roll-up: a place stands for itself and every unit merged into it in 2025
(``AdminUnit.objects.rolling_up_to``), so today's Tuyên Quang over 2015–2020 counts the
records and reported figures of Hà Giang as well as those of the old Tuyên Quang.

Which figure is printed (``decide``, the one place that says so for the page, the exports,
the CLI and the API): the computed one only when the records cover the period, that is when
the office has declared (``RegisterCoverage``) that the register's records are complete for
every unit of the place from the period's start or earlier; the reported one otherwise.
When both exist and differ, the leader's choice for that place, period and indicator
(``FigureChoice``) is printed. The user can still ask for either (``prefer``). Without any
figure nothing is printed: "no data" is never written as 0.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.core.models import AdminUnit
from doingoai.core.rates import MissingRate, convert
from doingoai.figures.models import Indicator, ReportedFigure
from doingoai.lib.collation import sort_key
from doingoai.lib.periods import Period, try_parse_period, years
from doingoai.reports import computations, prose
from doingoai.reports.computations import COMPUTATIONS, Computed
from doingoai.reports.models import FigureChoice, RegisterCoverage

COMPUTED, REPORTED, MIXED = "computed", "reported", "mixed"
MONEY_UNITS = {"money"}
# The indicators drawn year by year in the trend charts.
TREND_INDICATORS = [
    "delegations.outgoing", "delegations.incoming", "delegations.outgoing_persons",
    "delegations.incoming_persons", "agreements.signed", "conferences.organised",
    "conferences.attended", "ngo.projects_signed", "ngo.amount_disbursed",
]


@lru_cache(maxsize=4096)
def period_of(label: str) -> Period | None:
    return try_parse_period(label)


def units_in_each(places: list[AdminUnit]) -> dict[int, list[AdminUnit]]:
    """Each place's pk: the place and the units merged into it, the place first; for every
    place in one query."""
    pks = [place.pk for place in places]
    own, merged = {}, defaultdict(list)
    for unit in AdminUnit.objects.filter(Q(pk__in=pks) | Q(successor__in=pks)):
        own[unit.pk] = unit
        merged[unit.successor_id].append(unit)
    return {pk: [own[pk], *merged[pk]] for pk in pks}


def existed_during(unit: AdminUnit, period: Period) -> bool:
    return ((unit.valid_from is None or unit.valid_from <= period.end)
            and (unit.valid_to is None or unit.valid_to >= period.start))


def dated_name(unit: AdminUnit) -> str:
    """A unit's name that tells it from another of the same name: the old Tuyên Quang is
    "Tuyên Quang (đến 30/06/2025)", today's "Tuyên Quang (từ 01/07/2025)"."""
    if unit.valid_to is not None:
        return _("%(name)s (until %(date)s)") % {
            "name": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y")}
    if unit.valid_from is not None:
        return _("%(name)s (from %(date)s)") % {
            "name": unit.name, "date": unit.valid_from.strftime("%d/%m/%Y")}
    return unit.name


def to_vnd(value: Decimal, unit: str, on: dt.date) -> Decimal | None:
    if unit == "VND":
        return value
    try:
        return convert(value, unit, "VND", min(on, timezone.localdate())).amount
    except MissingRate:
        return None


@dataclass
class Reported:
    value: Decimal
    unit: str
    of: Decimal | None
    qualifier: str
    figures: list[ReportedFigure]
    missing: list[AdminUnit] = field(default_factory=list)
    value_vnd: Decimal | None = None

    @property
    def source(self) -> str:
        parts = []
        for figure in self.figures:
            title = figure.source.title if figure.source_id else _("entered by hand")
            quote = f": “{figure.quote}”" if figure.quote else ""
            parts.append(f"{figure.place.name}, {figure.period} — {title}{quote}")
        return "; ".join(parts)


def combine_qualifiers(qualifiers: list[str]) -> str:
    loose = {q for q in qualifiers if q != ReportedFigure.Qualifier.EXACT}
    if not loose:
        return ReportedFigure.Qualifier.EXACT
    return loose.pop() if len(loose) == 1 else ReportedFigure.Qualifier.ABOUT


def best_figure(candidates: list[ReportedFigure]) -> ReportedFigure:
    """Of several figures for the same indicator, place and period, the one from the most
    recent source (a later report corrects an earlier one)."""
    return max(candidates, key=lambda f: (
        f.source.published_on if f.source_id and f.source.published_on else dt.date.min,
        f.updated_at))


def sum_reported(figures: list[ReportedFigure], period: Period,
                 missing: list[AdminUnit]) -> Reported:
    units = {f.unit for f in figures}
    if len(units) == 1:
        unit = units.pop()
        value = sum((f.value for f in figures), Decimal(0))
    else:
        # Money reported in several currencies is added up in đồng.
        unit, value = "VND", Decimal(0)
        for f in figures:
            converted = (f.equivalent_value if f.equivalent_unit == "VND"
                         else to_vnd(f.value, f.unit, period.end))
            value += converted or Decimal(0)
    ofs = [f.of for f in figures if f.of is not None]
    reported = Reported(
        value=value, unit=unit, of=sum(ofs, Decimal(0)) if ofs else None,
        qualifier=combine_qualifiers([f.qualifier for f in figures]),
        figures=figures, missing=missing)
    if unit == "VND":
        reported.value_vnd = value
    elif len(figures) == 1 and figures[0].equivalent_unit == "VND":
        reported.value_vnd = figures[0].equivalent_value
    elif unit not in ("count", "persons", "percent", "km"):
        reported.value_vnd = to_vnd(value, unit, period.end)
    return reported


@dataclass
class Combined:
    """The sum of the parts of a merged place's line."""

    value: Decimal
    unit: str
    of: Decimal | None
    qualifier: str


@dataclass
class Line:
    """One indicator in the report."""

    indicator: Indicator
    computed: Computed | None = None
    covered: bool = False
    coverage_note: str = ""
    reported: Reported | None = None
    basis: str | None = None
    reason: str = ""
    choice: FigureChoice | None = None
    # A place merged from several units that existed in the period: one line per unit, each
    # decided on that unit's own coverage, and their sum (``combined``).
    parts: list[tuple[AdminUnit, Line]] = field(default_factory=list)
    combined: Combined | None = None
    # The period ends after the 2025 reform: the figure is said in today's words
    # (``prose.reword_indicators``).
    reformed: bool = False

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def computable(self) -> bool:
        return self.code in COMPUTATIONS

    @property
    def definition(self) -> str:
        """How the figure is computed, in one line of the reader's language."""
        from doingoai.reports.sources import source_note

        return source_note(self.code, reformed=self.reformed)

    @property
    def printed(self) -> bool:
        return self.basis is not None

    @property
    def value(self) -> Decimal | None:
        if self.combined is not None:
            return self.combined.value if self.basis else None
        if self.basis == COMPUTED:
            return self.computed.value
        if self.basis == REPORTED:
            return self.reported.value
        return None

    @property
    def unit(self) -> str:
        if self.combined is not None and self.basis:
            return self.combined.unit
        if self.basis == REPORTED:
            return self.reported.unit
        if self.computed is not None:
            return self.computed.unit
        return "VND" if self.indicator.unit in MONEY_UNITS else self.indicator.unit

    @property
    def of(self) -> Decimal | None:
        if self.combined is not None:
            return self.combined.of if self.basis else None
        if self.basis == COMPUTED:
            return self.computed.of
        if self.basis == REPORTED:
            return self.reported.of
        return None

    @property
    def qualifier(self) -> str:
        if self.combined is not None:
            return self.combined.qualifier
        if self.basis == REPORTED:
            return self.reported.qualifier
        return ReportedFigure.Qualifier.EXACT

    @property
    def contributors(self) -> list[AdminUnit]:
        """The units whose figure the printed value adds up (the place alone without parts)."""
        return [unit for unit, part in self.parts if part.printed]

    @property
    def source(self) -> str:
        if self.combined is not None:
            return "; ".join(f"{dated_name(unit)}: {part.source}"
                             for unit, part in self.parts if part.printed)
        if self.basis == REPORTED:
            return self.reported.source
        if self.basis == COMPUTED:
            return _("Computed from the records: %(definition)s") % {
                "definition": self.definition}
        return ""

    @property
    def disagrees(self) -> bool:
        """Both figures can be printed and they differ: the leader chooses one."""
        return (self.covered and self.reported is not None and self.difference is not None
                and self.difference != 0)

    @property
    def difference(self) -> Decimal | None:
        """Computed minus reported, in the computed unit (đồng for money)."""
        if self.computed is None or self.reported is None:
            return None
        if self.computed.unit == "VND":
            if self.reported.value_vnd is None:
                return None
            return self.computed.value - self.reported.value_vnd.quantize(Decimal(1))
        if self.computed.unit != self.reported.unit and self.computed.unit not in (
                "count", "persons"):
            # Trade is computed in USD; a value reported in another currency is not comparable.
            return None
        return self.computed.value - self.reported.value


@dataclass
class Report:
    places: list[AdminUnit]
    period: Period
    lines: list[Line]
    units: list[AdminUnit]
    prefer: str | None = None
    breakdowns: dict = field(default_factory=dict)
    trends: dict = field(default_factory=dict)

    def line(self, code: str) -> Line | None:
        return next((line for line in self.lines if line.code == code), None)

    @property
    def printed_lines(self) -> list[Line]:
        return [line for line in self.lines if line.printed]

    @property
    def place_names(self) -> str:
        return ", ".join(place.name for place in self.places)

    @property
    def merged_units(self) -> list[AdminUnit]:
        """The units merged into the places whose figures the printed lines add up: a
        province never merged, or whose predecessors gave no figure, has none."""
        own = {place.pk for place in self.places}
        found = {}
        for line in self.printed_lines:
            for unit in line.contributors:
                if unit.pk not in own:
                    found[unit.pk] = unit
        return [u for u in self.units if u.pk in found]

    @property
    def silent_units(self) -> list[AdminUnit]:
        """The merged units that stood in the period but gave no printed figure."""
        own = {place.pk for place in self.places}
        given = {u.pk for u in self.merged_units}
        rolled = {unit.pk for line in self.lines for unit, _part in line.parts}
        return [u for u in self.units
                if u.pk in rolled and u.pk not in own and u.pk not in given]

    def prose(self, lang: str = "vi") -> str:
        from doingoai.reports import prose

        return prose.write(self, lang)


class _Shared:
    """What the builders of ``places`` read from the database before computing: each
    place's units, the indicators, the reported figures, coverage declarations and choices."""

    def __init__(self, places: list[AdminUnit], user, codes: list[str] | None):
        pks = [place.pk for place in places]
        self.roll_ups = units_in_each(places)
        unit_ids = sorted({u.pk for units in self.roll_ups.values() for u in units})
        indicators = Indicator.objects.all()
        if codes is not None:
            indicators = indicators.filter(code__in=codes)
        self.indicators = sorted(indicators, key=catalogue_order)
        figures = ReportedFigure.objects.filter(
            place_id__in=unit_ids, indicator__in=self.indicators,
        ).select_related("source", "place")
        if user is not None:
            figures = figures.visible_to(user)
        self.figures = defaultdict(list)
        for figure in figures:
            self.figures[(figure.indicator_id, figure.place_id)].append(figure)
        self.complete_from = {
            (row.register, row.province_id): row.complete_from
            for row in RegisterCoverage.objects.filter(province_id__in=unit_ids)}
        self.choices = defaultdict(dict)
        for choice in FigureChoice.objects.filter(place_id__in=pks).select_related(
                "chosen_by"):
            self.choices[choice.place_id][
                (choice.indicator_id, choice.period_start, choice.period_end)] = choice


class ReportBuilder:
    """Builds reports for one set of places; the reported figures of those places are read
    once and reused for every period (the trend charts ask for one period a year)."""

    def __init__(self, places: list[AdminUnit], *, user=None, prefer: str | None = None,
                 codes: list[str] | None = None, _shared: _Shared | None = None):
        self.places = places
        self.prefer = prefer if prefer in (COMPUTED, REPORTED) else None
        shared = _shared or _Shared(places, user, codes)
        self.roll_ups = {place.pk: shared.roll_ups[place.pk] for place in places}
        self.units = [u for units in self.roll_ups.values() for u in units]
        self.unit_ids = sorted({u.pk for u in self.units})
        self.indicators = shared.indicators
        # Keyed by unit: a builder of one place among many reads only its own units' rows.
        self.figures = shared.figures
        self.complete_from = shared.complete_from
        # A choice is made for one place's report; a report of several places has none.
        self.choices = shared.choices.get(places[0].pk, {}) if len(places) == 1 else {}
        # Coverage by register, period, units and language: the figures of one register share
        # it, and its notes are sentences to translate.
        self._coverage: dict[tuple, tuple[bool, str]] = {}

    @classmethod
    def for_each(cls, places: list[AdminUnit], *, user=None, prefer: str | None = None,
                 codes: list[str] | None = None) -> list[ReportBuilder]:
        """One builder per place (the ministry comparison), the reported figures, coverage
        and choices of every place read in one query each rather than once per place."""
        shared = _Shared(places, user, codes)
        return [cls([place], prefer=prefer, _shared=shared) for place in places]

    # --- reported ---------------------------------------------------------------------
    def reported(self, code: str, period: Period, places=None) -> Reported | None:
        chosen, missing = [], []
        for place in places if places is not None else self.places:
            own = self._figure_for(code, place, period)
            if own is not None:
                chosen.append(own)
                continue
            roll_up = [] if isinstance(place, _Alone) else self.roll_ups[place.pk]
            for unit in roll_up[1:]:
                figure = self._figure_for(code, unit, period)
                if figure is not None:
                    chosen.append(figure)
                elif existed_during(unit, period):
                    missing.append(unit)
            if existed_during(place, period):
                missing.append(place)
        if not chosen:
            return None
        return sum_reported(chosen, period, missing)

    def _figure_for(self, code, unit, period) -> ReportedFigure | None:
        candidates = [f for f in self.figures.get((code, unit.pk), ())
                      if period_of(f.period) == period]
        return best_figure(candidates) if candidates else None

    def reported_denominator(self, code: str, period: Period, units=None) -> Decimal | None:
        """The number of border communes (or posts) the office last reported, per unit. For
        a period after the 2025 reform only a number reported for such a period counts for the
        communes: they were merged, and a number of the old communes is no denominator of today's
        ones (``computations.reformed``)."""
        total, found = Decimal(0), False
        after = (computations.reformed(period.end)
                 and code in computations.COUNTED_IN_TODAYS_COMMUNES)
        for unit in units if units is not None else self.units:
            with_of = [(period_of(f.period), f) for f in self.figures.get((code, unit.pk), ())
                       if f.of is not None and period_of(f.period) is not None
                       and (not after or computations.reformed(period_of(f.period).end))]
            if not with_of:
                continue
            before = [(p.end, f) for p, f in with_of if p.end <= period.end]
            pick = max(before, key=lambda x: x[0]) if before else min(
                ((p.end, f) for p, f in with_of), key=lambda x: x[0])
            total += pick[1].of
            found = True
        return total if found else None

    # --- coverage ---------------------------------------------------------------------
    def coverage(self, code: str, period: Period, units=None) -> tuple[bool, str]:
        """Whether the records of ``code``'s register are declared complete, for every unit
        of the place that existed in the period, from the period's start (or the unit's
        creation, if later) or earlier; and, when they are not, why."""
        register = COMPUTATIONS[code].register
        units = units if units is not None else self.units
        key = (register, period.start, period.end, tuple(u.pk for u in units), get_language())
        if key not in self._coverage:
            self._coverage[key] = self._register_coverage(register, period, units)
        return self._coverage[key]

    def _register_coverage(self, register: str, period: Period, units) -> tuple[bool, str]:
        gaps = []
        standing = False
        for unit in units:
            if not existed_during(unit, period):
                continue
            standing = True
            start = max(period.start, unit.valid_from or period.start)
            complete_from = self.complete_from.get((register, unit.pk))
            if complete_from is None:
                gaps.append(_("%(place)s has not declared from when its records of this kind "
                              "are complete") % {"place": dated_name(unit)})
            elif complete_from > start:
                gaps.append(_("the records of %(place)s are complete only from %(date)s") % {
                    "place": dated_name(unit), "date": complete_from.strftime("%d/%m/%Y")})
        if gaps:
            return False, "; ".join(gaps)
        if not standing:
            # A province abolished before the period covers nothing: no records is no data,
            # not 0 (the ministry's comparison of the 63 former provinces for 2026).
            return False, _("the place did not exist in this period")
        return True, ""

    # --- lines ------------------------------------------------------------------------
    def line(self, indicator: Indicator, period: Period) -> Line:
        standing = [u for u in self.units if existed_during(u, period)]
        if len(self.places) == 1 and len(standing) > 1 and self._figure_for(
                indicator.code, self.places[0], period) is None:
            return self._rolled_up_line(indicator, period, standing)
        return self._line(indicator, period, self.units, self.places, standing,
                          self.choices.get((indicator.code, period.start, period.end)))

    def _line(self, indicator, period, units, places, standing, choice) -> Line:
        """The line of ``units`` taken together, their records covering the period when
        the register of every unit in ``standing`` is declared complete for it."""
        line = Line(indicator)
        code = indicator.code
        line.reported = self.reported(code, period, places)
        if code in COMPUTATIONS:
            ids = sorted(u.pk for u in units)
            line.computed = computations.compute(code, ids, period.start, period.end)
            if line.computed.of is not None:
                line.computed.of = (self.reported_denominator(code, period, units)
                                    or line.computed.of)
            line.covered, line.coverage_note = self.coverage(code, period, standing)
        line.choice = choice
        decide(line, self.prefer)
        return line

    def _rolled_up_line(self, indicator, period, standing) -> Line:
        """A place merged from units that stood in the period (Tuyên Quang in 2025: the old
        Tuyên Quang, Hà Giang, and today's province from 1 July): each unit's figure is
        decided on its own coverage (computed where its register covers the period, its
        reported figure otherwise) and the printed figure is their sum. The units that no
        longer or not yet stood go with the place's own part (their records are its)."""
        place = self.places[0]
        others = [u for u in self.units if u not in standing]
        line = self._line(indicator, period, self.units, self.places, standing, None)
        line.reason = ""
        for unit in standing:
            units = [unit] + (others if unit.pk == place.pk or (
                place not in standing and unit is standing[0]) else [])
            part = self._line(indicator, period, units, [_Alone(unit)], [unit], None)
            line.parts.append((unit, part))
        printed = [(unit, part) for unit, part in line.parts if part.printed]
        line.reason = " ".join(
            f"{dated_name(unit)}: {part.reason}" for unit, part in line.parts)
        if not printed:
            line.basis = None
            return line
        bases = {part.basis for _unit, part in printed}
        line.basis = bases.pop() if len(bases) == 1 else MIXED
        line.combined = combine_parts([part for _unit, part in printed], period)
        if line.combined is None:
            line.basis = None
            line.reason += " " + _("The parts are in different units and cannot be added up.")
        return line
    def build(self, period: Period, *, details: bool = True) -> Report:
        """The report of ``period``. Its figures, for the places, their parts and the trend
        years, are read in one query per register (``computations.tallying``), converted with
        one rate table."""
        asked = [period, *self._trend_periods(period)] if details else [period]
        start = min(p.start for p in asked)
        with computations.tallying(self.unit_ids, start, period.end, periods=asked,
                                   codes=[i.code for i in self.indicators]):
            report = Report(self.places, period,
                            [self.line(i, period) for i in self.indicators],
                            self.units, self.prefer)
            prose.reword_indicators(report)
            if details:
                report.breakdowns = breakdowns(self.unit_ids, period)
                report.trends = self.trends(period)
        return report

    @staticmethod
    def _trend_periods(period: Period) -> list[Period]:
        if period.end.year - period.start.year >= 1:
            return period.year_periods()
        return years(period.end.year - 4, period.end.year).year_periods()

    def trends(self, period: Period) -> dict:
        """Year by year values of the key indicators: the years of the period, or the five
        years up to the period's end for a period of one year or less."""
        periods = self._trend_periods(period)
        wanted = [i for i in self.indicators if i.code in TREND_INDICATORS]
        series = {}
        for indicator in wanted:
            points = []
            for year_period in periods:
                line = self.line(indicator, year_period)
                points.append((year_period.start.year, line.value, line.basis))
            series[indicator.code] = points
        return {"years": [p.start.year for p in periods], "series": series,
                "indicators": {i.code: i for i in wanted}}


def decide(line: Line, prefer: str | None) -> None:
    """Choose the figure to print and say why."""
    if prefer == COMPUTED and line.computed is not None:
        line.basis, line.reason = COMPUTED, _("Computed from the records, as requested.")
    elif prefer == REPORTED and line.reported is not None:
        line.basis, line.reason = REPORTED, _("The reported figure, as requested.")
    elif line.choice is not None and line.disagrees:
        line.basis = line.choice.basis
        line.reason = _("The figure %(who)s chose on %(day)s for this report.") % {
            "who": (line.choice.chosen_by.get_full_name() or line.choice.chosen_by.username)
            if line.choice.chosen_by else _("the leader"),
            "day": timezone.localtime(line.choice.chosen_at).strftime("%d/%m/%Y")}
    elif line.computed is None:
        if line.reported is not None:
            line.basis = REPORTED
            line.reason = _("The records cannot give this indicator; the reported figure is "
                            "printed.")
        else:
            line.reason = _("The records cannot give this indicator and none was reported.")
    elif line.covered:
        line.basis, line.reason = COMPUTED, _("Computed: the records cover the period.")
    elif line.reported is not None:
        line.basis = REPORTED
        line.reason = _("Reported: the records do not cover the period (%(note)s).") % {
            "note": line.coverage_note}
    else:
        line.reason = _("Not printed: the records do not cover the period (%(note)s) and no "
                        "figure was reported.") % {"note": line.coverage_note}
    if line.reported is not None and line.reported.missing and line.basis == REPORTED:
        line.reason += " " + _("No figure was reported for %(places)s.") % {
            "places": ", ".join(dated_name(u) for u in line.reported.missing)}


class _Alone:
    """A unit taken without the units merged into it (one part of a merged place)."""

    def __init__(self, unit: AdminUnit):
        self.unit, self.pk = unit, unit.pk

    def __getattr__(self, name):
        return getattr(self.unit, name)


def combine_parts(parts: list[Line], period: Period) -> Combined | None:
    """The sum of the printed parts: counts added up; money in đồng when the parts differ
    in currency; None when they cannot be added (a percentage, a trade value in USD beside
    one in đồng without a rate)."""
    units = {part.unit for part in parts}
    qualifier = combine_qualifiers([part.qualifier for part in parts])
    ofs = [part.of for part in parts]
    of = sum(ofs, Decimal(0)) if all(o is not None for o in ofs) else None
    if len(units) == 1:
        unit = units.pop()
        if unit == "percent" and len(parts) > 1:
            return None
        return Combined(sum((part.value for part in parts), Decimal(0)), unit, of, qualifier)
    total = Decimal(0)
    for part in parts:
        if part.unit == "VND":
            total += part.value
        elif part.basis == REPORTED and part.reported.value_vnd is not None:
            total += part.reported.value_vnd
        else:
            converted = to_vnd(part.value, part.unit, period.end)
            if converted is None:
                return None
            total += converted
    return Combined(total.quantize(Decimal(1)), "VND", of, qualifier)


@lru_cache(maxsize=1)
def _catalogue_positions() -> dict[str, int]:
    from doingoai.figures.catalogue import rows

    return {row["code"]: n for n, row in enumerate(rows())}


def catalogue_order(indicator: Indicator) -> tuple[int, str]:
    return (_catalogue_positions().get(indicator.code, 10_000), indicator.code)


def build_report(places: list[AdminUnit], period: Period, *, user=None,
                 prefer: str | None = None, details: bool = True) -> Report:
    return ReportBuilder(places, user=user, prefer=prefer).build(period, details=details)


# --- breakdowns ------------------------------------------------------------------------
def breakdowns(unit_ids: list[int], period: Period) -> dict:
    start, end = period.start, period.end
    return {
        "delegations_by_country": delegations_by_country(unit_ids, start, end),
        "aid_by_donor": aid_by(unit_ids, start, end, "donors"),
        "aid_by_sector": aid_by(unit_ids, start, end, "sectors"),
        "agreements_by_country": agreements_by_country(unit_ids, start, end),
    }


def _country_name(code, name_vi, name_en):
    if code is None:
        return _("No single country")
    return name_en if get_language() == "en" else name_vi


def delegations_by_country(unit_ids, start, end) -> list[dict]:
    rows = {}
    for direction in ("outgoing", "incoming"):
        queryset = computations.delegations(unit_ids, start, end, direction)
        counted = (queryset.order_by().values("countries__code", "countries__name_vi",
                                              "countries__name_en")
                   .annotate(n=Count("id", distinct=True),
                             persons=Count("members", distinct=True)))
        for row in counted:
            code = row["countries__code"]
            entry = rows.setdefault(code, {
                "country": _country_name(code, row["countries__name_vi"],
                                         row["countries__name_en"]),
                "outgoing": 0, "outgoing_persons": 0, "incoming": 0, "incoming_persons": 0})
            entry[direction] = row["n"]
            entry[f"{direction}_persons"] = row["persons"]
    return sorted(rows.values(), key=lambda r: (-(r["outgoing"] + r["incoming"]),
                                                 sort_key(r["country"])))


def agreements_by_country(unit_ids, start, end) -> list[dict]:
    counted = (computations.agreements_signed(unit_ids, start, end).order_by()
               .values("partners__country__code", "partners__country__name_vi",
                       "partners__country__name_en")
               .annotate(n=Count("id", distinct=True)))
    rows = [{"country": _country_name(r["partners__country__code"],
                                      r["partners__country__name_vi"],
                                      r["partners__country__name_en"]),
             "agreements": r["n"]} for r in counted]
    return sorted(rows, key=lambda r: (-r["agreements"], sort_key(r["country"])))


def aid_by(unit_ids, start, end, relation: str, kinds=None) -> list[dict]:
    """Aid disbursed in the period (NGO and ODA, or the ``kinds`` given, in đồng) and
    programmes under way, by donor or by sector. A programme with two donors is counted under
    each of them."""
    kinds = kinds or computations.NGO + computations.ODA
    running = computations.programmes_running(unit_ids, start, end, kinds)
    disbursed: dict[int, Decimal] = defaultdict(Decimal)
    groups = (AidTransaction.objects.filter(
        programme__in=running, kind=AidTransaction.Kind.DISBURSEMENT, on__range=(start, end))
        .order_by().values("programme_id", "currency_id", "on", "fixed_vnd_per_unit")
        .annotate(amount=Sum("amount")))
    for group in groups:
        try:
            disbursed[group["programme_id"]] += convert(
                group["amount"], group["currency_id"], "VND", group["on"],
                group["fixed_vnd_per_unit"]).amount
        except MissingRate:
            continue
    english = get_language() == "en"
    if relation == "donors":
        links = AidProgramme.donors.through.objects.filter(aidprogramme__in=running).values_list(
            "aidprogramme_id", "partner__pk",
            "partner__name_en" if english else "partner__name_vi", "partner__name_vi")
    else:
        links = AidProgramme.sectors.through.objects.filter(
            aidprogramme__in=running).values_list(
            "aidprogramme_id", "sector__code",
            "sector__name_en" if english else "sector__name_vi", "sector__name_vi")
    rows = {}
    for programme_id, key, name, name_vi in links:
        entry = rows.setdefault(key, {"name": name or name_vi, "programmes": set(),
                                      "disbursed": Decimal(0)})
        entry["programmes"].add(programme_id)
    for entry in rows.values():
        entry["disbursed"] = sum((disbursed[p] for p in entry["programmes"]),
                                 Decimal(0)).quantize(Decimal(1))
        entry["programmes"] = len(entry["programmes"])
    return sorted(rows.values(),
                  key=lambda r: (-r["disbursed"], -r["programmes"], sort_key(r["name"])))

