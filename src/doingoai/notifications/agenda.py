"""What a user has to do: awaiting their approval, overdue, due soon, coming up.

One function serves the home page, the reminder e-mails and the in-app notifications, so
the three never disagree. Every query goes through ``visible_to(user)``."""

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.accounts.scope import home_province, is_leader
from doingoai.agreements.models import Agreement
from doingoai.aid.models import AidProgramme
from doingoai.delegations.models import Delegation
from doingoai.events.models import Event
from doingoai.passports import agenda as passports_agenda
from doingoai.residents import agenda as residents_agenda
from doingoai.rules.models import Rule, rule_in_force

# Registers that compute their own items: each module has agenda_items(user, today, until)
# returning (overdue, due), already scoped to what the user may read.
REGISTER_AGENDAS = (passports_agenda, residents_agenda)
DUE_WINDOW_DAYS = 30
UPCOMING_DAYS = 60
EXPIRY_ALERT_DAYS = 90
# National reports the office owes every year, whatever its records.
YEARLY_OFFICE_RULES = ("event.annual_report", "agreement.annual_plan", "agreement.annual_report",
                       "aid.agency_annual_report")


@dataclass
class Item:
    key: str
    what: str
    title: str
    url: str
    due_on: dt.date | None = None
    rule: Rule | None = None

    @property
    def sentence(self) -> str:
        text = f"{self.what}: {self.title}"
        if self.due_on:
            text += " — " + _("due %(date)s") % {"date": self.due_on.strftime("%d/%m/%Y")}
        if self.rule:
            text += f" ({self.rule.citation})"
        return text


@dataclass
class Agenda:
    approvals: list[Item] = field(default_factory=list)
    overdue: list[Item] = field(default_factory=list)
    due: list[Item] = field(default_factory=list)
    upcoming: list[Item] = field(default_factory=list)

    def actionable(self) -> list[Item]:
        """What a reminder is about: approvals, overdue and due items (not the calendar)."""
        return [*self.approvals, *self.overdue, *self.due]


def _item(record, url_name, what, tag, due_on=None, rule=None) -> Item:
    return Item(
        key=f"{record._meta.label_lower}:{record.pk}:{tag}:{due_on or ''}",
        what=what, title=str(record), url=reverse(url_name, args=[record.pk]),
        due_on=due_on, rule=rule,
    )


def build_agenda(user, today: dt.date | None = None, days: int = DUE_WINDOW_DAYS) -> Agenda:
    today = today or timezone.localdate()
    until = today + dt.timedelta(days=days)
    agenda = Agenda()
    delegations = Delegation.objects.visible_to(user).select_related(
        "report_rule__document")
    events = Event.objects.visible_to(user).select_related(
        "report_rule__document", "application_rule__document")
    agreements = Agreement.objects.visible_to(user).select_related(
        "report_rule__document", "consultation_rule__document")
    d_url, e_url, a_url = ("delegations:delegation-detail", "events:event-detail",
                           "agreements:agreement-detail")

    if is_leader(user):
        for d in delegations.awaiting_approval().exclude(submitted_by=user).order_by("departs_on"):
            agenda.approvals.append(_item(d, d_url, _("Delegation to approve"), "approve",
                                          d.departs_on))
        for e in events.awaiting_approval().exclude(submitted_by=user).order_by("starts_on"):
            agenda.approvals.append(_item(e, e_url, _("Event to approve"), "approve",
                                          e.starts_on, e.application_rule))
        # Four eyes: what the leader created is for another leader to approve.
        for a in agreements.filter(status=Agreement.Status.SUBMITTED).exclude(
                created_by=user).order_by("title"):
            agenda.approvals.append(_item(a, a_url, _("Agreement to approve for signature"),
                                          "approve"))
        programmes = AidProgramme.objects.visible_to(user).filter(
            status=AidProgramme.Status.SUBMITTED).exclude(created_by=user).order_by("title")
        for p in programmes:
            agenda.approvals.append(_item(p, "aid:programme-detail",
                                          _("Aid programme to approve"), "approve"))

    for d in delegations.overdue_reports(today).order_by("report_due_on"):
        agenda.overdue.append(_item(d, d_url, _("Post-trip report overdue"), "report",
                                    d.report_due_on, d.report_rule))
    for e in events.late_applications(today).order_by("application_due_on"):
        agenda.overdue.append(_item(e, e_url, _("Application late"), "application",
                                    e.application_due_on, e.application_rule))
    for e in events.overdue_reports(today).order_by("report_due_on"):
        agenda.overdue.append(_item(e, e_url, _("Results report overdue"), "report",
                                    e.report_due_on, e.report_rule))
    for a in agreements.overdue_reports(today).order_by("report_due_on"):
        agenda.overdue.append(_item(a, a_url, _("Post-signing report overdue"), "report",
                                    a.report_due_on, a.report_rule))
    for a in agreements.consultations_overdue(today).order_by("consultation_due_on"):
        agenda.overdue.append(_item(a, a_url, _("Consultation answers overdue"), "consultation",
                                    a.consultation_due_on, a.consultation_rule))

    for d in delegations.reports_due_between(today, until).order_by("report_due_on"):
        agenda.due.append(_item(d, d_url, _("Post-trip report due"), "report",
                                d.report_due_on, d.report_rule))
    for e in events.applications_due_between(today, until).order_by("application_due_on"):
        agenda.due.append(_item(e, e_url, _("Application due"), "application",
                                e.application_due_on, e.application_rule))
    for e in events.reports_due_between(today, until).order_by("report_due_on"):
        agenda.due.append(_item(e, e_url, _("Results report due"), "report",
                                e.report_due_on, e.report_rule))
    for a in agreements.reports_due_between(today, until).order_by("report_due_on"):
        agenda.due.append(_item(a, a_url, _("Post-signing report due"), "report",
                                a.report_due_on, a.report_rule))
    for a in agreements.expiring_within(EXPIRY_ALERT_DAYS, today).order_by("expires_on"):
        alert = a.expiry_alert(today)
        agenda.due.append(_item(
            a, a_url, _("Expires within %(days)d days") % {"days": alert}, f"expiry{alert}",
            a.expires_on,
        ))
    for register in REGISTER_AGENDAS:
        overdue, due = register.agenda_items(user, today, until)
        agenda.overdue += overdue
        agenda.due += due
    programmes = AidProgramme.objects.visible_to(user).reporting().of_kind(
        AidProgramme.Kind.NGO).select_related("owner")
    for p in programmes:
        for due_on, rule in p.report_deadlines(today):
            if due_on <= until:
                agenda.due.append(_item(p, "aid:programme-detail", _("Aid report due"),
                                        rule.code, due_on, rule))
    province = home_province(user)
    if province is not None:
        for code in YEARLY_OFFICE_RULES:
            rule = rule_in_force(code, today, province)
            if rule is None or not rule.due_month:
                continue
            due_on = rule.next_yearly_due_on(today)
            if due_on <= until:
                agenda.due.append(Item(
                    key=f"rule:{code}:{province.pk}:{due_on}", what=_("Yearly report due"),
                    title=rule.description, url=reverse("rules:rule-list"), due_on=due_on,
                    rule=rule,
                ))
    agenda.due.sort(key=lambda item: item.due_on or today)

    horizon = today + dt.timedelta(days=UPCOMING_DAYS)
    live = [Delegation.Status.SUBMITTED, Delegation.Status.APPROVED, Delegation.Status.UNDER_WAY]
    for d in delegations.filter(status__in=live, departs_on__lte=horizon,
                                returns_on__gte=today).order_by("departs_on"):
        agenda.upcoming.append(_item(d, d_url, d.get_direction_display(), "visit",
                                     d.departs_on))
    for e in events.exclude(status__in=[Event.Status.CANCELLED, Event.Status.REFUSED]).filter(
        starts_on__range=(today, horizon)
    ).order_by("starts_on"):
        agenda.upcoming.append(_item(e, e_url, e.get_kind_display(), "event", e.starts_on))
    agenda.upcoming.sort(key=lambda item: item.due_on)
    return agenda
