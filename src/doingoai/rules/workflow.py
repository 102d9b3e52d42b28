"""A small workflow engine shared by delegations, events, agreements and aid.

Each app lists its steps (``Step``) in its own ``workflow.py``; this module checks who may
take a step, changes the status, and records the step with its comment in the audit trail
(a ``Transition`` row and a simple_history change reason). Views call ``transition_view``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.accounts.scope import can_write_record, is_leader
from doingoai.rules.models import Transition


class CommentForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The step's own fields first, the comment last.
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])


class RequiredCommentForm(CommentForm):
    comment = forms.CharField(label=gettext_lazy("Comment"),
                              widget=forms.Textarea(attrs={"rows": 2}))


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str | None  # None: the step records something without changing the status
    form_class: type[forms.Form] = CommentForm
    leader_only: bool = False
    # The four-eyes rule: whoever submitted a record cannot also approve it.
    not_by_submitter: bool = False
    # on_apply(record, user, cleaned_data): set the fields the step fills in.
    on_apply: Callable | None = None
    style: str = ""


@dataclass
class Workflow:
    steps: list[Step]
    by_name: dict = field(init=False)

    def __post_init__(self):
        self.by_name = {step.name: step for step in self.steps}

    def step(self, name: str) -> Step:
        try:
            return self.by_name[name]
        except KeyError:
            raise Http404 from None

    def may(self, step: Step, record, user) -> bool:
        if not can_write_record(user, record):
            return False
        if step.leader_only and not is_leader(user):
            return False
        submitter = getattr(record, "submitted_by_id", None)
        return not (step.not_by_submitter and submitter is not None and submitter == user.pk)

    def available(self, record, user) -> list[Step]:
        return [s for s in self.steps if record.status in s.sources and self.may(s, record, user)]

    def apply(self, record, name: str, user, data: dict | None = None) -> None:
        """Take step ``name``; PermissionDenied if ``user`` may not, ValueError if the record
        is not in a status the step starts from."""
        step = self.step(name)
        if not self.may(step, record, user):
            raise PermissionDenied
        if record.status not in step.sources:
            raise ValueError(name)
        data = data or {}
        comment = data.get("comment", "")
        before = record.status
        with transaction.atomic():
            if step.on_apply is not None:
                step.on_apply(record, user, data)
            if step.target is not None:
                record.status = step.target
            record.version += 1
            record._change_reason = (f"{step.label}: {comment}" if comment else str(step.label))[
                :100
            ]
            record.save()
            Transition.objects.create(
                record=record, action=step.name, from_status=before, to_status=record.status,
                by=user, at=timezone.now(), comment=comment,
            )


def transition_view(request, record, workflow: Workflow, name: str, detail_url: str):
    """GET shows the step's form, POST takes the step and returns to the record."""
    step = workflow.step(name)
    if not workflow.may(step, record, request.user):
        raise PermissionDenied
    if record.status not in step.sources:
        messages.error(request, _("This step is not possible in the record's current status."))
        return redirect(detail_url)
    posted = request.method == "POST"
    form = step.form_class(request.POST if posted else None, request.FILES if posted else None,
                           auto_id=f"id_{name}_%s")
    if posted and form.is_valid():
        workflow.apply(record, name, request.user, form.cleaned_data)
        messages.success(request, _("Done: %(step)s.") % {"step": step.label})
        return redirect(detail_url)
    status = 400 if form.errors else 200
    ctx = {"record": record, "step": step, "form": form, "detail_url": detail_url}
    return render(request, "rules/transition_form.html", ctx, status=status)


def workflow_context(request, record, workflow: Workflow, url_name: str) -> dict:
    """What a detail page needs to show the steps the user may take and the trail so far."""
    from django.urls import reverse

    steps = []
    for step in workflow.available(record, request.user):
        steps.append({
            "step": step,
            "url": reverse(url_name, args=[record.pk, step.name]),
            "form": step.form_class(auto_id=f"id_{step.name}_%s"),
        })
    status_labels = dict(type(record)._meta.get_field("status").choices)
    trail = [
        {"t": t, "label": workflow.by_name[t.action].label if t.action in workflow.by_name
         else t.action,
         "from": status_labels.get(t.from_status, t.from_status),
         "to": status_labels.get(t.to_status, t.to_status)}
        for t in Transition.of(record)
    ]
    return {"workflow_steps": steps, "transitions": trail}
