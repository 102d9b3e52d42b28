"""The basic checks of the IATI Standard Ruleset on an activity, as warnings.

The ruleset's JSON (IATI/IATI-Rulesets ``rulesets/standard.json``) is not among the reference
files in the repository, so the checks below are written by hand after the rules it names
(``startswith``, ``regex_matches``, ``atleast_one``, ``date_order``, ``sum`` over each
sector vocabulary, the currency of each value); each finding carries the ruleset's name of
its rule. They run on the parsed ``Activity`` (``parse.read_activity``), not on the XML, so
the import checks every activity at the cost of a few comparisons, and an export is checked
by parsing it back. Not checked: the rules on elements the project does not read (results,
planned disbursements, document links, recipient regions) and the uniqueness of identifiers
across files.
"""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doingoai.aid.iati.parse import Activity, ActivityError, iter_activities

IDENTIFIER_STARTS_WITH_REPORTER = gettext_noop(
    "the iati-identifier does not start with the reporting organisation's identifier")
IDENTIFIER_CHARACTERS = gettext_noop(
    "the iati-identifier contains a character IATI forbids in it (/ & | ?)")
NO_TITLE_OR_DESCRIPTION = gettext_noop("the activity has neither a title nor a description")
PLANNED_DATES_ORDER = gettext_noop("the planned end date is before the planned start date")
ACTUAL_DATES_ORDER = gettext_noop("the actual end date is before the actual start date")
ACTUAL_DATE_IN_FUTURE = gettext_noop("an actual start or end date is in the future")
TRANSACTION_IN_FUTURE = gettext_noop("a transaction is dated in the future")
SECTOR_PERCENTAGES = gettext_noop(
    "the sector percentages of one vocabulary do not add up to 100")
NO_CURRENCY = gettext_noop(
    "a value has no currency and the activity has no default-currency")

HUNDRED = Decimal(100)
_FORBIDDEN = re.compile(r"[/&|?]")


@dataclass(frozen=True)
class Finding:
    rule: str  # the Standard Ruleset's name of the rule
    message: str  # an English msgid, translated when shown

    def __str__(self):
        return _(self.message)


def check(activity: Activity, today: dt.date | None = None) -> list[Finding]:
    """The Standard Ruleset's findings on ``activity`` (empty when it passes)."""
    today = today or timezone.localdate()
    found = []
    reporter = activity.reporting_org.ref if activity.reporting_org else ""
    if reporter and not activity.identifier.startswith(reporter):
        found.append(Finding("startswith", IDENTIFIER_STARTS_WITH_REPORTER))
    if _FORBIDDEN.search(activity.identifier):
        found.append(Finding("regex_matches", IDENTIFIER_CHARACTERS))
    if not activity.title and not activity.description:
        found.append(Finding("atleast_one", NO_TITLE_OR_DESCRIPTION))
    dates = activity.dates
    if "1" in dates and "3" in dates and dates["3"] < dates["1"]:
        found.append(Finding("date_order", PLANNED_DATES_ORDER))
    if "2" in dates and "4" in dates and dates["4"] < dates["2"]:
        found.append(Finding("date_order", ACTUAL_DATES_ORDER))
    if any(dates.get(kind) and dates[kind] > today for kind in ("2", "4")):
        found.append(Finding("date_order", ACTUAL_DATE_IN_FUTURE))
    transactions = [m for m in activity.money if m.type != "budget"]
    if any((m.on and m.on > today) or (m.transaction_date and m.transaction_date > today)
           for m in transactions):
        found.append(Finding("date_order", TRANSACTION_IN_FUTURE))
    if any(not m.currency for m in activity.money):
        found.append(Finding("dependent", NO_CURRENCY))
    by_vocabulary = defaultdict(list)
    for row in activity.sector_rows:
        by_vocabulary[row.vocabulary].append(row.percentage)
    for shares in by_vocabulary.values():
        # One sector of a vocabulary may leave its percentage out (it is then 100).
        if len(shares) == 1 and shares[0] is None:
            continue
        if sum((s or Decimal(0) for s in shares), Decimal(0)) != HUNDRED:
            found.append(Finding("sum", SECTOR_PERCENTAGES))
            break
    return found


class Findings:
    """The findings of many activities, counted by rule, with a few identifiers of each."""

    EXAMPLES = 3

    def __init__(self, today: dt.date | None = None):
        self.today = today or timezone.localdate()
        self.count: dict[str, int] = {}
        self.examples: dict[str, list[str]] = defaultdict(list)

    def add(self, activity: Activity):
        for finding in check(activity, self.today):
            self.count[finding.message] = self.count.get(finding.message, 0) + 1
            if len(self.examples[finding.message]) < self.EXAMPLES:
                self.examples[finding.message].append(activity.identifier)

    def lines(self) -> list[str]:
        return [_("%(finding)s: %(count)d activities (%(examples)s)") % {
                    "finding": _(message), "count": count,
                    "examples": ", ".join(self.examples[message])}
                for message, count in sorted(self.count.items())]


def check_file(source, today: dt.date | None = None) -> dict[str, list[Finding]]:
    """The findings of each activity of an IATI file, by identifier (activities that pass
    are left out; one that cannot be read is for the importer to report)."""
    result = {}
    for activity in iter_activities(source):
        if isinstance(activity, ActivityError):
            continue
        found = check(activity, today)
        if found:
            result[activity.identifier] = found
    return result
