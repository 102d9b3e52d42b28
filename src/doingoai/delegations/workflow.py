"""Draft → submitted → approved (decision) / returned / refused → under way → back →
reported, or cancelled. Only a leader approves, and not their own submission."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.validators import validate_attachment
from doingoai.core.widgets import DateInput
from doingoai.delegations.models import Delegation
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


def on_report(record, user, data):
    record.report = data["report"]
    record.report_received_on = data.get("report_received_on") or timezone.localdate()


workflow = Workflow([
    Step("submit", _("Submit"), (S.DRAFT, S.RETURNED), S.SUBMITTED, on_apply=on_submit),
    Step("approve", _("Approve"), (S.SUBMITTED,), S.APPROVED, form_class=ApproveForm,
         leader_only=True, not_by_submitter=True, on_apply=on_approve),
    Step("return", _("Return for changes"), (S.SUBMITTED,), S.RETURNED,
         form_class=RequiredCommentForm, leader_only=True, style="secondary"),
    Step("refuse", _("Refuse"), (S.SUBMITTED,), S.REFUSED, form_class=RequiredCommentForm,
         leader_only=True, not_by_submitter=True, style="secondary"),
    # The report comes first: once a trip is approved it is the step that matters, and the
    # detail page opens the first step's form.
    Step("report", _("Upload the report"), Delegation.REPORT_PENDING_STATUSES, S.REPORTED,
         form_class=ReportForm, on_apply=on_report),
    Step("depart", _("Mark as under way"), (S.APPROVED,), S.UNDER_WAY, style="secondary"),
    Step("come_back", _("Mark as back"), (S.APPROVED, S.UNDER_WAY), S.BACK,
         style="secondary"),
    Step("cancel", _("Cancel the delegation"), (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED),
         S.CANCELLED, form_class=RequiredCommentForm, style="secondary outline"),
])
