"""What a user has to do: awaiting their approval, overdue, due soon, coming up.

One function serves the home page, the reminder e-mails and the in-app notifications, so
the three never disagree. Every query goes through ``visible_to(user)``."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.accounts.scope import home_province, is_leader
from doingoai.agreements.models import EXPIRY_ALERT_DAYS, Agreement
from doingoai.aid.models import REPORT_RULES, AidProgramme
from doingoai.consultations import agenda as consultations_agenda
from doingoai.correspondence import agenda as correspondence_agenda
from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.passports import agenda as passports_agenda
from doingoai.protocol import agenda as protocol_agenda
from doingoai.reporting import agenda as reporting_agenda
from doingoai.residents import agenda as residents_agenda
from doingoai.rules.models import Rule, RuleBook

# Registers that compute their own items: each module has agenda_items(user, window) returning
# the open deadlines of its records the user may read whose date ``window.contains``.
REGISTER_AGENDAS = (passports_agenda, residents_agenda, reporting_agenda, protocol_agenda,
                    correspondence_agenda, consultations_agenda)
DUE_WINDOW_DAYS = 30
UPCOMING_DAYS = 60
# Law 70/2020/QH14 leaves the extension of an agreement to the same decision as its signing,
# which takes weeks: the home page shows agreements ending in the next 90 days.
EXPIRY_NOTICE_DAYS = max(EXPIRY_ALERT_DAYS)
# National reports the office owes every year, whatever its records.
YEARLY_OFFICE_RULES = ("event.annual_report", "agreement.annual_plan", "agreement.annual_report",
                       "aid.agency_annual_report")


@dataclass(frozen=True)
class Window:
    """The dates an agenda or a calendar looks at, decided here for every source of items.

    A deadline before ``today`` is overdue, one from ``today`` to ``until`` is due; anything
    later is outside the window, whatever early warning its register would like to give.
    ``since`` bounds the past (a calendar month); None keeps every overdue item."""

    today: dt.date
    until: dt.date
    since: dt.date | None = None

    @classmethod
    def ahead(cls, today: dt.date, days: int) -> "Window":
        return cls(today=today, until=today + dt.timedelta(days=days))

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and day <= self.until and (self.since is None or
                                                          day >= self.since)

    def section(self, day: dt.date | None) -> str | None:
        """"overdue", "due" or None (outside the window)."""
        if not self.contains(day):
            return None
        return "overdue" if day < self.today else "due"

    def q(self, field_name: str) -> Q:
        """The same window as a filter on a date field, so queries fetch only what fits."""
        condition = Q(**{f"{field_name}__lte": self.until})
        if self.since is not None:
            condition &= Q(**{f"{field_name}__gte": self.since})
        return condition

    def ahead_of_today(self, field_name: str) -> Q:
        """For dates that are never overdue (an expiry): from today on, inside the window."""
        return self.q(field_name) & Q(**{f"{field_name}__gte": self.today})

    def years(self) -> range:
        return range((self.since or self.today).year, self.until.year + 1)


@dataclass
class Item:
    key: str
    what: str
    title: str
    url: str
    due_on: dt.date | None = None
    rule: Rule | None = None
    province: str = ""

    @property
    def sentence(self) -> str:
        text = f"{self.what}: {self.title}"
        if self.due_on:
            text += " — " + _("due %(date)s") % {"date": self.due_on.strftime("%d/%m/%Y")}
        if self.rule:
            text += f" ({self.rule.citation})"
        return text


def _by_date(item: Item):
    return (item.due_on or dt.date.max, item.what, item.title)


@dataclass
class Agenda:
    approvals: list[Item] = field(default_factory=list)
    overdue: list[Item] = field(default_factory=list)
    due: list[Item] = field(default_factory=list)
    upcoming: list[Item] = field(default_factory=list)
    # Agreements ending after the due window but within EXPIRY_NOTICE_DAYS: time to decide
    # whether to extend, amend or let them end.
    expiring: list[Item] = field(default_factory=list)

    def actionable(self) -> list[Item]:
        """What a reminder is about: approvals, overdue and due items (not the calendar)."""
        return [*self.approvals, *self.overdue, *self.due]

    def file(self, item: Item, window: Window) -> None:
        """Put a deadline in the section its date falls in; one outside the window is left
        out, so no source can list in "due in 30 days" what falls due in 90."""
        section = window.section(item.due_on)
        if section is not None:
            getattr(self, section).append(item)

    def sort(self) -> None:
        for items in (self.approvals, self.overdue, self.due, self.upcoming, self.expiring):
            items.sort(key=_by_date)


def _item(record, url_name, what, tag, due_on=None, rule=None) -> Item:
    owner = getattr(record, "owner", None)
    return Item(
        key=f"{record._meta.label_lower}:{record.pk}:{tag}:{due_on or ''}",
        what=what, title=str(record), url=reverse(url_name, args=[record.pk]),
        due_on=due_on, rule=rule, province=owner.name if owner is not None else "",
    )


def _delegation_deadlines(user, window: Window):
    url = "delegations:delegation-detail"
    for d in Delegation.objects.visible_to(user).awaiting_report().filter(
            window.q("report_due_on")).select_related("owner", "report_rule__document"):
        what = (_("Post-trip report overdue") if d.report_due_on < window.today
                else _("Post-trip report due"))
        yield _item(d, url, what, "report", d.report_due_on, d.report_rule)


def _event_deadlines(user, window: Window):
    url = "events:event-detail"
    events = Event.objects.visible_to(user).select_related(
        "owner", "report_rule__document", "application_rule__document")
    for e in events.application_pending().filter(window.q("application_due_on")):
        what = (_("Application late") if e.application_due_on < window.today
                else _("Application due"))
        yield _item(e, url, what, "application", e.application_due_on, e.application_rule)
    for e in events.awaiting_report().filter(window.q("report_due_on")):
        what = (_("Results report overdue") if e.report_due_on < window.today
                else _("Results report due"))
        yield _item(e, url, what, "report", e.report_due_on, e.report_rule)


def _agreement_deadlines(user, window: Window):
    url = "agreements:agreement-detail"
    agreements = Agreement.objects.visible_to(user).select_related(
        "owner", "report_rule__document", "consultation_rule__document")
    for a in agreements.awaiting_report().filter(window.q("report_due_on")):
        what = (_("Post-signing report overdue") if a.report_due_on < window.today
                else _("Post-signing report due"))
        yield _item(a, url, what, "report", a.report_due_on, a.report_rule)
    # Consultation answers are only ever shown late: on time, the answers are not the
    # office's to chase.
    for a in agreements.consultations_overdue(window.today).filter(
            window.q("consultation_due_on")):
        yield _item(a, url, _("Consultation answers overdue"), "consultation",
                    a.consultation_due_on, a.consultation_rule)
    for a in agreements.expiring_within((window.until - window.today).days, window.today
                                        ).filter(window.ahead_of_today("expires_on")):
        alert = a.expiry_alert(window.today)
        what = (_("Expires within %(days)d days") % {"days": alert} if alert
                else _("Agreement expires"))
        yield _item(a, url, what, f"expiry{alert or ''}", a.expires_on)


def _aid_deadlines(user, window: Window):
    programmes = AidProgramme.objects.visible_to(user).reporting().of_kind(
        AidProgramme.Kind.NGO).select_related("owner")
    # The same rules for every programme: read once, not once per programme.
    rules = RuleBook(REPORT_RULES)
    for p in programmes:
        for due_on, rule in p.report_deadlines(window.today, rules):
            yield _item(p, "aid:programme-detail", _("Aid report due"), rule.code, due_on, rule)


def _yearly_office_deadlines(user, window: Window):
    province = home_province(user)
    if province is None:
        return
    rules = RuleBook(YEARLY_OFFICE_RULES)
    for code in YEARLY_OFFICE_RULES:
        rule = rules.in_force(code, window.today, province)
        if rule is None or not rule.due_month:
            continue
        # Only the ones still ahead: whether a past year's report went out is not recorded.
        for year in window.years():
            due_on = rule.yearly_due_on(year)
            if due_on >= window.today:
                yield Item(
                    key=f"rule:{code}:{province.pk}:{due_on}", what=_("Yearly report due"),
                    title=rule.description, url=reverse("rules:rule-list"), due_on=due_on,
                    rule=rule, province=province.name,
                )


# Every source of deadlines: function(user, window) -> items the user may read.
DEADLINE_SOURCES = (
    _delegation_deadlines, _event_deadlines, _agreement_deadlines,
    *(register.agenda_items for register in REGISTER_AGENDAS),
    _aid_deadlines, _yearly_office_deadlines,
)


def deadline_items(user, window: Window) -> list[Item]:
    """Every open deadline the user may read that falls in ``window``, soonest first: the
    agenda's overdue and due items, and the deadlines of the calendar and its feed."""
    items = [item for source in DEADLINE_SOURCES for item in source(user, window)
             if window.contains(item.due_on)]
    return sorted(items, key=_by_date)


def build_agenda(user, today: dt.date | None = None, days: int = DUE_WINDOW_DAYS) -> Agenda:
    today = today or timezone.localdate()
    window = Window.ahead(today, days)
    agenda = Agenda()
    delegations = Delegation.objects.visible_to(user).select_related("owner")
    events = Event.objects.visible_to(user).select_related("owner", "application_rule__document")
    d_url, e_url = "delegations:delegation-detail", "events:event-detail"

    if is_leader(user):
        for d in delegations.awaiting_approval().exclude(submitted_by=user):
            agenda.approvals.append(_item(d, d_url, _("Delegation to approve"), "approve",
                                          d.departs_on))
        for e in events.awaiting_approval().exclude(submitted_by=user):
            agenda.approvals.append(_item(e, e_url, _("Event to approve"), "approve",
                                          e.starts_on, e.application_rule))
        # Four eyes: what the leader created is for another leader to approve.
        agreements = Agreement.objects.visible_to(user).select_related("owner")
        for a in agreements.filter(status=Agreement.Status.SUBMITTED).exclude(
                created_by=user).order_by("title"):
            agenda.approvals.append(_item(a, "agreements:agreement-detail",
                                          _("Agreement to approve for signature"), "approve"))
        programmes = AidProgramme.objects.visible_to(user).filter(
            status=AidProgramme.Status.SUBMITTED).exclude(created_by=user).select_related(
            "owner").order_by("title", "pk")
        for p in programmes:
            agenda.approvals.append(_item(p, "aid:programme-detail",
                                          _("Aid programme to approve"), "approve"))

    for item in deadline_items(user, window):
        agenda.file(item, window)

    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    live = [Delegation.Status.SUBMITTED, Delegation.Status.APPROVED, Delegation.Status.UNDER_WAY]
    for d in delegations.filter(status__in=live, departs_on__lte=horizon, returns_on__gte=today):
        agenda.upcoming.append(_item(d, d_url, d.get_direction_display(), "visit",
                                     d.departs_on))
    for e in events.exclude(status__in=[Event.Status.CANCELLED, Event.Status.REFUSED]).filter(
        starts_on__range=(today, horizon)
    ):
        agenda.upcoming.append(_item(e, e_url, e.get_kind_display(), "event", e.starts_on))
    # Those ending inside the due window are in ``due`` already.
    for a in Agreement.objects.visible_to(user).select_related("owner").expiring_within(
            EXPIRY_NOTICE_DAYS, today).filter(expires_on__gt=window.until):
        agenda.expiring.append(_item(a, "agreements:agreement-detail",
                                     _("Agreement expires"), "expiry-notice", a.expires_on))
    agenda.expiring += protocol_agenda.permits_expiring(user, window.until + dt.timedelta(days=1),
                                                        today + dt.timedelta(
                                                            days=EXPIRY_NOTICE_DAYS))
    agenda.sort()
    return agenda
