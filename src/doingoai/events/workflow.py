"""Draft → submitted → approved / returned / refused → held → reported, or cancelled.
The application deadline and the approver level come from QĐ 06/2020/QĐ-TTg's rules. The
event is held as the approved proposal (Đề án) says (QĐ 06/2020 Art. 4(2)(a)): a change of
its dates, form, place, partners or guests after approval sends it back for approval; the
results report follows its end (Art. 4(2)(c))."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.validators import validate_attachment
from doingoai.core.widgets import DateInput
from doingoai.events.models import Event
from doingoai.rules.workflow import CommentForm, RequiredCommentForm, Step, Workflow

S = Event.Status
DATE = DateInput()


class ApproveForm(CommentForm):
    approval_number = forms.CharField(label=_("Approval number"), max_length=60)
    approval_date = forms.DateField(label=_("Approval date"), widget=DATE,
                                    initial=timezone.localdate)
    approver = forms.CharField(label=_("Approved by"), max_length=120)


class ReportForm(CommentForm):
    report = forms.FileField(label=_("Results report"), validators=[validate_attachment])
    report_received_on = forms.DateField(label=_("Received on"), widget=DATE,
                                         initial=timezone.localdate)


def on_submit(record, user, data):
    record.submitted_by = user
    record.submitted_on = timezone.localdate()


def on_approve(record, user, data):
    record.approved_by = user
    for name in ("approval_number", "approval_date", "approver"):
        setattr(record, name, data[name])


def not_before_the_end(record, data):
    end = record.ends_on or record.starts_on
    received = data.get("report_received_on") or timezone.localdate()
    if end and (end > timezone.localdate() or received < end):
        return _("The results report can be filed only once the event has ended "
                 "(%(date)s).") % {"date": end.strftime("%d/%m/%Y")}
    return None


def on_report(record, user, data):
    record.report = data["report"]
    record.report_received_on = data.get("report_received_on") or timezone.localdate()


workflow = Workflow(model=Event, steps=[
    Step("submit", _("Submit"), (S.DRAFT, S.RETURNED), S.SUBMITTED, on_apply=on_submit),
    Step("approve", _("Approve"), (S.SUBMITTED,), S.APPROVED, form_class=ApproveForm,
         leader_only=True, four_eyes=True, on_apply=on_approve),
    Step("return", _("Return for changes"), (S.SUBMITTED,), S.RETURNED,
         form_class=RequiredCommentForm, leader_only=True, style="secondary"),
    Step("refuse", _("Refuse"), (S.SUBMITTED,), S.REFUSED, form_class=RequiredCommentForm,
         leader_only=True, four_eyes=True, style="secondary"),
    Step("hold", _("Mark as held"), (S.APPROVED,), S.HELD, style="secondary"),
    Step("report", _("Upload the report"), Event.REPORT_PENDING_STATUSES, S.REPORTED,
         form_class=ReportForm, on_apply=on_report, guard=not_before_the_end),
    Step("cancel", _("Cancel the event"), (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED),
         S.CANCELLED, form_class=RequiredCommentForm, style="secondary outline"),
],
    step_fields=("status", "approval_number", "approval_date", "approver", "report",
                 "report_received_on"),
    material=("kind", "topic", "role", "mode", "starts_on", "ends_on", "venue", "country",
              "partners", "foreign_participants", "minister_level_guests", "sensitive_topics"),
    reopen_from=(S.APPROVED,),
    reopen_to=S.SUBMITTED,
    reopen_clears=("approved_by", "approval_number", "approval_date", "approver"),
    locked_in=(S.HELD, S.REPORTED, S.REFUSED, S.CANCELLED),
    locked_reason=_("the event is over or was not held; what differed goes in the results "
                    "report."),
    protected=(S.APPROVED, S.HELD, S.REPORTED, S.REFUSED, S.CANCELLED),
)
