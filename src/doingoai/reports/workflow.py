"""A report document: draft → submitted (by a specialist) → returned with a comment, or
approved by a leader who is neither its last author nor the one who submitted it (four
eyes) → issued, when it takes its number in the issuer's book for the year and its date,
and the issuer of that day (``document.issuer_for``) is kept with it. An issued document
is frozen: no step leaves it and no edit reaches it. The engine is the project's
(``rules/workflow.py``): guarded, versioned steps kept in the trail."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.accounts.scope import can_write_record, is_leader
from doingoai.correspondence.numbering import allocate
from doingoai.reports.document import issuer_for
from doingoai.reports.drafting import issuer_snapshot
from doingoai.reports.models import ReportDocument
from doingoai.rules.workflow import RequiredCommentForm, Step, Workflow

S = ReportDocument.Status


def on_submit(doc, user, data):
    doc.submitted_by, doc.submitted_at = user, timezone.now()


def on_approve(doc, user, data):
    doc.approved_by, doc.approved_at = user, timezone.now()


def on_issue(doc, user, data):
    """The number is taken inside the step's transaction: a step that fails gives it back."""
    today = timezone.localdate()
    issuer = issuer_for(doc.place, today, doc.language)
    doc.issued_on, doc.issued_by = today, user
    doc.issuer, doc.symbol = issuer_snapshot(issuer), issuer.symbol
    doc.number = allocate(issuer.province, today.year, issuer.symbol)


class DocumentWorkflow(Workflow):
    def may(self, step, record, user) -> bool:
        if not can_write_record(user, record):
            return False
        if step.leader_only and not is_leader(user):
            return False
        # Four eyes: the leader approves a text someone else wrote and submitted.
        return not (step.four_eyes and user.pk in (record.last_author_id,
                                                   record.submitted_by_id))


workflow = DocumentWorkflow(model=ReportDocument, step_fields=(
    "status", "number", "symbol", "issued_on", "issuer", "submitted_by", "submitted_at",
    "approved_by", "approved_at", "issued_by"), protected=(S.APPROVED, S.ISSUED),
    material=("place", "period", "language", "title"), locked_in=(S.APPROVED, S.ISSUED),
    locked_reason=_("an approved report is returned for changes first; an issued one is "
                    "never changed."), steps=[
    Step("submit", _("Submit to the leader"), (S.DRAFT, S.RETURNED), S.SUBMITTED,
         on_apply=on_submit),
    Step("approve", _("Approve the report"), (S.SUBMITTED,), S.APPROVED, leader_only=True,
         four_eyes=True, on_apply=on_approve),
    Step("return", _("Return for changes"), (S.SUBMITTED, S.APPROVED), S.RETURNED,
         form_class=RequiredCommentForm, leader_only=True, style="secondary"),
    Step("issue", _("Issue with its number"), (S.APPROVED,), S.ISSUED, leader_only=True,
         on_apply=on_issue),
])
