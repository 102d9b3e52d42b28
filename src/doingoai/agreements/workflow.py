"""Negotiating (the draft) → in consultation (answers due) → submitted → approved for
signature → signed → in force → expired or terminated; the post-signing report is recorded at
any time after signing.

Law 70/2020/QH14 Art. 19: the province consults the Ministry of Foreign Affairs and the
bodies concerned (answers within 7 working days), then the chair of the People's Committee
decides the signing (here: a leader approves, not one who created or submitted it), and the
signed text is reported within 15 days. A change of the text after the approval sends it back
for the decision; once signed, it changes only by an amendment or extension decided as the
signing was (Art. 33), and is ended by the one who decided it (Art. 34(3))."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.models import Agreement
from doingoai.core.validators import validate_attachment
from doingoai.core.widgets import DateInput
from doingoai.rules.workflow import CommentForm, RequiredCommentForm, Step, Workflow

S = Agreement.Status
DATE = DateInput()


class ConsultForm(CommentForm):
    consultation_sent_on = forms.DateField(label=_("Consultation sent on"), widget=DATE,
                                           initial=timezone.localdate)


class SignForm(CommentForm):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE, initial=timezone.localdate)
    number = forms.CharField(label=_("Number"), max_length=60, required=False)
    document = forms.FileField(label=_("Signed text"), required=False,
                               validators=[validate_attachment])


class InForceForm(CommentForm):
    effective_on = forms.DateField(label=_("Effective on"), widget=DATE,
                                   initial=timezone.localdate)
    expires_on = forms.DateField(label=_("Expires on"), widget=DATE, required=False)


class ReportForm(CommentForm):
    report = forms.FileField(label=_("Post-signing report"), validators=[validate_attachment])
    report_sent_on = forms.DateField(label=_("Sent on"), widget=DATE,
                                     initial=timezone.localdate)


def copy(*names):
    def apply(record, user, data):
        for name in names:
            if data.get(name) not in (None, ""):
                setattr(record, name, data[name])
    return apply


def on_report(record, user, data):
    record.report = data["report"]
    record.report_sent_on = data.get("report_sent_on") or timezone.localdate()


SIGNED = (S.SIGNED, S.IN_FORCE)

workflow = Workflow(model=Agreement, steps=[
    Step("consult", _("Send for consultation"), (S.NEGOTIATING,), S.IN_CONSULTATION,
         form_class=ConsultForm, on_apply=copy("consultation_sent_on")),
    Step("submit", _("Submit for the decision to sign"), (S.NEGOTIATING, S.IN_CONSULTATION),
         S.SUBMITTED),
    Step("approve", _("Approve the signing"), (S.SUBMITTED,), S.APPROVED, leader_only=True,
         four_eyes=True),
    Step("return", _("Return for changes"), (S.SUBMITTED,), S.NEGOTIATING,
         form_class=RequiredCommentForm, leader_only=True, style="secondary"),
    Step("sign", _("Record the signing"), (S.APPROVED,), S.SIGNED,
         form_class=SignForm, on_apply=copy("signed_on", "number", "document")),
    Step("in_force", _("Record the entry into force"), (S.SIGNED,), S.IN_FORCE,
         form_class=InForceForm, on_apply=copy("effective_on", "expires_on")),
    Step("report", _("Record the post-signing report"), SIGNED, None, form_class=ReportForm,
         on_apply=on_report),
    Step("expire", _("Mark as expired"), SIGNED, S.EXPIRED, style="secondary"),
    # Taken by the daily job (agreements.expiry) the day after the end date.
    Step("lapse", _("Expired on its end date"), SIGNED, S.EXPIRED, automatic=True),
    Step("terminate", _("Terminate"), (*SIGNED, *Agreement.NOT_SIGNED_STATUSES),
         S.TERMINATED, form_class=RequiredCommentForm, style="secondary outline"),
],
    step_fields=("status", "report"),
    material=("kind", "title", "number", "level", "our_signatory", "partners", "sectors",
              "signed_on", "effective_on", "expires_on", "summary", "document"),
    reopen_from=(S.APPROVED,),
    reopen_to=S.SUBMITTED,
    locked_in=(S.SIGNED, S.IN_FORCE, S.EXPIRED, S.TERMINATED),
    locked_reason=_("a signed agreement changes only by an amendment or extension decided as "
                    "its signing was (Law 70/2020/QH14 Art. 33)."),
    protected=(S.APPROVED, S.SIGNED, S.IN_FORCE, S.EXPIRED, S.TERMINATED),
)
