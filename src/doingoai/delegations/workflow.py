"""Draft → submitted → approved (decision) / returned / refused → under way → back →
reported, or cancelled. Only a leader approves, and not a delegation they created or
submitted. The decision sending the delegation (quyết định cử đoàn) names its members, their
head, where it goes, when and who pays: a change of any of these after approval sends it back
for approval; once it is back they are facts, and the post-trip report tells what differed."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.validators import validate_attachment
from doingoai.core.widgets import DateInput
from doingoai.delegations.models import Delegation
from doingoai.planning.models import needs_own_approval
from doingoai.rules.workflow import CommentForm, RequiredCommentForm, Step, Workflow

S = Delegation.Status
DATE = DateInput()


class ApproveForm(CommentForm):
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE,
                                    initial=timezone.localdate)
    decision_signer = forms.CharField(label=_("Signed by"), max_length=120)
    decision_scan = forms.FileField(label=_("Scan of the decision"), required=False,
                                    validators=[validate_attachment])


class ReportForm(CommentForm):
    report = forms.FileField(label=_("Post-trip report"), validators=[validate_attachment])
    report_received_on = forms.DateField(label=_("Received on"), widget=DATE,
                                         initial=timezone.localdate)


def own_approval_outside_the_plan(record, data):
    """A delegation outside the year's approved plan is approved only on the provincial
    leaders' own decision allowing it, recorded on the delegation first (every path: the
    page, the API and the admin take the step through ``Workflow._take``)."""
    if not needs_own_approval(record, record.departs_on):
        return None
    if record.outside_plan_decision.strip() and record.outside_plan_decided_on:
        return None
    return _("This delegation is outside the approved foreign-affairs plan for %(year)d, so "
             "it needs its own approval: enter on the delegation the number and date of the "
             "provincial leaders' decision allowing it outside the plan, then approve it.") % {
        "year": record.departs_on.year}


def on_submit(record, user, data):
    record.submitted_by = user
    record.submitted_on = timezone.localdate()


def on_approve(record, user, data):
    record.approved_by = user
    record.decision_number = data["decision_number"]
    record.decision_date = data["decision_date"]
    record.decision_signer = data["decision_signer"]
    if data.get("decision_scan"):
        record.decision_scan = data["decision_scan"]


def not_before_the_return(record, data):
    """The post-trip report tells what the trip did: not before the trip is over."""
    received = data.get("report_received_on") or timezone.localdate()
    if record.returns_on and (record.returns_on > timezone.localdate()
                              or received < record.returns_on):
        return _("The post-trip report can be filed only once the delegation is back "
                 "(return on %(date)s).") % {"date": record.returns_on.strftime("%d/%m/%Y")}
    return None


def on_report(record, user, data):
    record.report = data["report"]
    record.report_received_on = data.get("report_received_on") or timezone.localdate()


workflow = Workflow(model=Delegation, steps=[
    Step("submit", _("Submit"), (S.DRAFT, S.RETURNED), S.SUBMITTED, on_apply=on_submit),
    Step("approve", _("Approve"), (S.SUBMITTED,), S.APPROVED, form_class=ApproveForm,
         leader_only=True, four_eyes=True, on_apply=on_approve,
         guard=own_approval_outside_the_plan),
    Step("return", _("Return for changes"), (S.SUBMITTED,), S.RETURNED,
         form_class=RequiredCommentForm, leader_only=True, style="secondary"),
    Step("refuse", _("Refuse"), (S.SUBMITTED,), S.REFUSED, form_class=RequiredCommentForm,
         leader_only=True, four_eyes=True, style="secondary"),
    # The report comes first: once a trip is approved it is the step that matters, and the
    # detail page opens the first step's form.
    Step("report", _("Upload the report"), Delegation.REPORT_PENDING_STATUSES, S.REPORTED,
         form_class=ReportForm, on_apply=on_report, guard=not_before_the_return),
    Step("depart", _("Mark as under way"), (S.APPROVED,), S.UNDER_WAY, style="secondary"),
    Step("come_back", _("Mark as back"), (S.APPROVED, S.UNDER_WAY), S.BACK,
         style="secondary"),
    Step("cancel", _("Cancel the delegation"), (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED),
         S.CANCELLED, form_class=RequiredCommentForm, style="secondary outline"),
],
    step_fields=("status", "decision_number", "decision_date", "decision_signer",
                 "decision_scan", "report", "report_received_on"),
    material=("direction", "countries", "cities", "places", "partners", "departs_on",
              "returns_on", "funding", "members"),
    reopen_from=(S.APPROVED, S.UNDER_WAY),
    reopen_to=S.SUBMITTED,
    reopen_clears=("approved_by", "decision_number", "decision_date", "decision_signer",
                   "decision_scan"),
    locked_in=(S.BACK, S.REPORTED, S.REFUSED, S.CANCELLED),
    locked_reason=_("the trip is over or was not made; what differed goes in the post-trip "
                    "report."),
    protected=(S.APPROVED, S.UNDER_WAY, S.BACK, S.REPORTED, S.REFUSED, S.CANCELLED),
)
