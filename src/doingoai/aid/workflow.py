"""Mobilising → submitted → approved (decision) → under way → finished, or cancelled.

Decree 80/2020/NĐ-CP (Decree 313/2025/NĐ-CP from 8/12/2025): the file is appraised and
approved by the head of the managing body (Art. 7, 9, 10); the decision names the programme,
its donors, the time and place and its total funds (Art. 11(1)); an adjustment during
implementation is approved as the programme was (Art. 16). Here a leader who neither created
nor submitted the programme records the approval; a change of what the decision names sends
it back for approval; disbursements are recorded freely."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.aid.models import AidProgramme
from doingoai.core.validators import validate_attachment
from doingoai.core.widgets import DateInput
from doingoai.rules.workflow import CommentForm, RequiredCommentForm, Step, Workflow

COMMITMENT = "commitment"

S = AidProgramme.Status
DATE = DateInput()


class ApproveForm(CommentForm):
    decision_number = forms.CharField(label=_("Decision number"), max_length=60)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE,
                                    initial=timezone.localdate)
    decision_scan = forms.FileField(label=_("Scan of the decision"), required=False,
                                    validators=[validate_attachment])


class DateForm(CommentForm):
    on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)


def on_approve(record, user, data):
    record.approved_by = user
    record.decision_number = data["decision_number"]
    record.decision_date = data["decision_date"]
    if data.get("decision_scan"):
        record.decision_scan = data["decision_scan"]


def set_date(name):
    def apply(record, user, data):
        if not getattr(record, name):
            setattr(record, name, data["on"])
    return apply


def commitments_only(form):
    """Only committed amounts are in the approval; disbursements follow it."""
    return COMMITMENT in (form.initial.get("kind"), form["kind"].value())


workflow = Workflow(model=AidProgramme, steps=[
    Step("submit", _("Submit for approval"), (S.MOBILISING,), S.SUBMITTED),
    Step("approve", _("Record the approval"), (S.SUBMITTED,), S.APPROVED,
         form_class=ApproveForm, leader_only=True, four_eyes=True, on_apply=on_approve),
    Step("return", _("Return for changes"), (S.SUBMITTED,), S.MOBILISING,
         form_class=RequiredCommentForm, leader_only=True, style="secondary"),
    Step("start", _("Mark as under way"), (S.APPROVED,), S.UNDER_WAY, form_class=DateForm,
         on_apply=set_date("starts_on")),
    Step("finish", _("Mark as finished"), (S.UNDER_WAY,), S.FINISHED, form_class=DateForm,
         on_apply=set_date("ends_on")),
    Step("cancel", _("Cancel the programme"), (S.MOBILISING, S.SUBMITTED, S.APPROVED),
         S.CANCELLED, form_class=RequiredCommentForm, style="secondary outline"),
],
    step_fields=("status", "decision_number", "decision_date", "decision_scan"),
    material=("kind", "title", "donors", "places", "starts_on", "ends_on", "transactions"),
    material_rows={"transactions": commitments_only},
    reopen_from=(S.APPROVED, S.UNDER_WAY),
    reopen_to=S.SUBMITTED,
    reopen_clears=("approved_by", "decision_number", "decision_date", "decision_scan"),
    locked_in=(S.FINISHED, S.CANCELLED),
    locked_reason=_("the programme is finished or cancelled."),
    protected=(S.APPROVED, S.UNDER_WAY, S.FINISHED, S.CANCELLED),
)
