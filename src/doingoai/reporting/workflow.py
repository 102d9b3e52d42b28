"""A unit's submission: not yet → submitted (by the unit's reporter) → approved (by the unit's
leader) → received by the office, or returned (by the unit's leader or the office, with a
comment) to the reporter, who corrects and submits again. The engine is the project's
(``rules/workflow.py``): guarded, versioned steps kept in the trail; only who may take each
step differs, since the unit's users are not the office's writers."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.accounts.scope import can_write_record
from doingoai.organisations.scope import is_reporter_of, is_unit_leader_of
from doingoai.reporting.models import Submission
from doingoai.rules.workflow import RequiredCommentForm, Step, Workflow

S = Submission.Status


def on_submit(record, user, data):
    record.submitted_by = user
    record.submitted_on = timezone.localdate()


def on_approve(record, user, data):
    record.approved_by = user


def on_receive(record, user, data):
    record.received_by = user


def nothing_to_submit(record, data):
    if record.nothing_this_period or record.document or record.figures.exclude(
            value__isnull=True).exists():
        return None
    return _("Enter the unit's figures, upload its report or tick “none this period” before "
             "submitting.")


def reporter(user, record):
    return is_reporter_of(user, record.organisation_id)


def unit_leader(user, record):
    return is_unit_leader_of(user, record.organisation_id)


def office(user, record):
    return can_write_record(user, record)


WHO = {"submit": reporter, "approve": unit_leader, "send_back": unit_leader,
       "receive": office, "return": office}


class SubmissionWorkflow(Workflow):
    def may(self, step, record, user) -> bool:
        check = WHO.get(step.name)
        if check is None or not check(user, record):
            return False
        # Four eyes: the unit's leader approves what someone else submitted.
        return not (step.four_eyes and user.pk == record.submitted_by_id)


workflow = SubmissionWorkflow(model=Submission, step_fields=(
    "status", "submitted_by", "submitted_on", "approved_by", "received_by"), steps=[
    Step("submit", _("Submit to the unit leader"), (S.PENDING, S.RETURNED), S.SUBMITTED,
         on_apply=on_submit, guard=nothing_to_submit),
    Step("approve", _("Approve and send to the office"), (S.SUBMITTED,), S.APPROVED,
         four_eyes=True, on_apply=on_approve),
    Step("send_back", _("Send back to the reporter"), (S.SUBMITTED,), S.RETURNED,
         form_class=RequiredCommentForm, style="secondary"),
    Step("receive", _("Receive"), (S.APPROVED,), S.RECEIVED, on_apply=on_receive),
    Step("return", _("Return to the unit"), (S.APPROVED, S.RECEIVED), S.RETURNED,
         form_class=RequiredCommentForm, style="secondary"),
])
