"""Mobilising → approved (decision) → under way → finished, or cancelled."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.aid.models import AidProgramme
from doingoai.core.validators import validate_attachment
from doingoai.core.widgets import DateInput
from doingoai.rules.workflow import CommentForm, RequiredCommentForm, Step, Workflow

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


workflow = Workflow([
    Step("approve", _("Record the approval"), (S.MOBILISING,), S.APPROVED,
         form_class=ApproveForm, leader_only=True, on_apply=on_approve),
    Step("start", _("Mark as under way"), (S.APPROVED,), S.UNDER_WAY, form_class=DateForm,
         on_apply=set_date("starts_on")),
    Step("finish", _("Mark as finished"), (S.UNDER_WAY,), S.FINISHED, form_class=DateForm,
         on_apply=set_date("ends_on")),
    Step("cancel", _("Cancel the programme"), (S.MOBILISING, S.APPROVED), S.CANCELLED,
         form_class=RequiredCommentForm, style="secondary outline"),
])
