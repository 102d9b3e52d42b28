"""A small workflow engine shared by delegations, events, agreements and aid.

Each app lists its steps (``Step``) in its own ``workflow.py``; this module checks who may
take a step, changes the status, and records the step with its comment in the audit trail
(a ``Transition`` row and a simple_history change reason). Views call ``transition_view``.

It also holds the one rule on what an edit may change in each status (README, "Workflows"),
which every path that edits a record applies: the record pages and the spreadsheet import
through ``GuardedModelForm`` and ``GuardedInlineFormSet`` (``core/records.py`` builds its
forms on them), the Django admin through ``WorkflowAdminMixin``. An edit never changes the
status or what a step fills in (``step_fields``); a change of a field the approval was given
on (``material``) sends an approved record back for approval (the automatic ``reopen`` step,
kept in the trail) or, once the trip, event or signing has happened, is refused; a record past
approval goes to the trash only by a leader's hand, with a reason.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.accounts.scope import can_write_record, is_leader
from doingoai.core.models import RecordChanged
from doingoai.rules.models import Transition

# model -> its Workflow, filled as each app's workflow module is imported.
REGISTRY: dict[type, "Workflow"] = {}
REOPEN = "reopen"


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
    # The four-eyes rule: whoever created or submitted a record cannot also approve it.
    four_eyes: bool = False
    # on_apply(record, user, cleaned_data): set the fields the step fills in.
    on_apply: Callable | None = None
    # guard(record, cleaned_data) -> a message when the step cannot be taken yet (the report
    # of a trip that has not ended); cleaned_data is empty when only the record is asked.
    guard: Callable | None = None
    # Taken by the engine itself (re-opening an approval), never offered to a user.
    automatic: bool = False
    style: str = ""


@dataclass
class Workflow:
    steps: list[Step]
    model: type | None = None
    # Fields only the steps change (the status, the decision, the report).
    step_fields: tuple[str, ...] = ("status",)
    # Fields the approval was given on, and child rows by their accessor ("members"), with
    # ``material_rows[accessor](child form)`` saying which rows count (commitments, not
    # disbursements).
    material: tuple[str, ...] = ()
    material_rows: dict[str, Callable | None] = field(default_factory=dict)
    # A material change in one of ``reopen_from`` takes the ``reopen`` step (to ``reopen_to``,
    # ``reopen_clears`` blanked); in one of ``locked_in`` it is refused with ``locked_reason``.
    reopen_from: tuple[str, ...] = ()
    reopen_to: str | None = None
    reopen_clears: tuple[str, ...] = ()
    locked_in: tuple[str, ...] = ()
    locked_reason: str = ""
    # Statuses in which only a leader moves the record to the trash, and with a reason.
    protected: tuple[str, ...] = ()
    by_name: dict = field(init=False)

    def __post_init__(self):
        if self.reopen_from:
            self.steps.append(Step(
                REOPEN, gettext_lazy("Sent back for approval after a change"),
                tuple(self.reopen_from), self.reopen_to, automatic=True,
                on_apply=self._on_reopen,
            ))
        self.by_name = {step.name: step for step in self.steps}
        if self.model is not None:
            REGISTRY[self.model] = self

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
        return not (step.four_eyes and user.pk in (record.created_by_id, submitter_id(record)))

    def available(self, record, user) -> list[Step]:
        return [s for s in self.steps if record.status in s.sources and not s.automatic
                and self.may(s, record, user) and not (s.guard and s.guard(record, {}))]

    def apply(self, record, name: str, user, data: dict | None = None) -> None:
        """Take step ``name``; PermissionDenied if ``user`` may not, ValueError if the record
        is not in a status the step starts from."""
        step = self.step(name)
        if step.automatic or not self.may(step, record, user):
            raise PermissionDenied
        self._take(step, record, user, data)

    def take_by_itself(self, record, name: str, comment: str = "") -> None:
        """Take the automatic step ``name`` with no user (the history says "the system"),
        through the same guarded path as a user's step: ``RecordChanged`` if the record
        changed meanwhile, ValueError if it is no longer in a status the step starts from."""
        step = self.step(name)
        if not step.automatic:
            raise ValueError(f"{name} is not an automatic step")
        self._take(step, record, None, {"comment": comment})

    def _take(self, step: Step, record, user, data: dict | None = None) -> None:
        if record.status not in step.sources:
            raise ValueError(step.name)
        data = data or {}
        refusal = step.guard(record, data) if step.guard else None
        if refusal:
            raise ValidationError(refusal)
        comment = data.get("comment", "")
        before = record.status
        with transaction.atomic():
            # The guarded path (OwnedRecord.claim): the row still has the version and a status
            # the step starts from, else RecordChanged and nothing is written, so a step never
            # saves over an edit or a step that went through meanwhile.
            record.claim(status__in=step.sources)
            if step.on_apply is not None:
                step.on_apply(record, user, data)
            if step.target is not None:
                record.status = step.target
            record._change_reason = (f"{step.label}: {comment}" if comment else str(step.label))[
                :100
            ]
            record.save()
            Transition.objects.create(
                record=record, action=step.name, from_status=before, to_status=record.status,
                by=user, at=timezone.now(), comment=comment,
            )


    # --- what an edit may change (README, "Workflows") ---------------------------------
    def refusals(self, record, changed: Iterable[str]) -> dict[str, str]:
        """{field: why} for each of the ``changed`` fields that no edit may change in the
        record's stored status (a new record: its initial one)."""
        status = stored_status(record)
        errors = {}
        for name in changed:
            if name in self.step_fields:
                errors[name] = _(
                    "%(field)s changes only through the steps on the record's page (submit, "
                    "approve, report…), not by editing."
                ) % {"field": label(self.model, name)}
            elif name in self.material and status in self.locked_in:
                errors[name] = _(
                    "%(field)s cannot be changed once the record is “%(status)s”: %(reason)s"
                ) % {"field": label(self.model, name), "status": status_label(record, status),
                     "reason": self.locked_reason}
        return errors

    def reopened_by(self, record, changed: Iterable[str]) -> list[str]:
        """The material fields among ``changed`` that send the record back for approval."""
        if stored_status(record) not in self.reopen_from:
            return []
        return [name for name in self.material if name in set(changed)]

    def after_edit(self, record, user, changed: Iterable[str]) -> bool:
        """Called by every edit path once the edit is saved: an approved record whose
        material fields changed goes back for approval, with the change in the trail.
        The path has checked that ``user`` may edit the record."""
        names = self.reopened_by(record, changed)
        if not names:
            return False
        comment = _("Changed after approval: %(fields)s.") % {
            "fields": ", ".join(str(label(self.model, n)) for n in names)}
        self._take(self.by_name[REOPEN], record, user, {"comment": comment})
        return True

    def _on_reopen(self, record, user, data):
        for name in self.reopen_clears:
            model_field = record._meta.get_field(name)
            setattr(record, name, None if model_field.null else "")
        if hasattr(record, "submitted_by_id"):
            # Whoever changed it submits the change: the four-eyes rule holds for it too.
            record.submitted_by = user
            record.submitted_on = timezone.localdate()

    def check_delete(self, record, user, reason: str) -> None:
        """PermissionDenied or ValidationError, with the reason, when ``user`` may not move
        ``record`` to the trash: past approval only a leader may, and says why."""
        if record.status not in self.protected:
            return
        if not is_leader(user):
            raise PermissionDenied(_(
                "A record that is “%(status)s” can be moved to the trash only by a leader, "
                "with a reason."
            ) % {"status": status_label(record, record.status)})
        if not reason.strip():
            raise ValidationError(_("Give the reason for moving this record to the trash."))

    def delete_needs_reason(self, record) -> bool:
        return record.status in self.protected


def workflow_for(model) -> Workflow | None:
    return REGISTRY.get(model)


def stored_status(record) -> str:
    """The status as saved: a form may have set the instance's own attribute already."""
    if record.pk is None:
        return record.status
    saved = type(record)._base_manager.filter(pk=record.pk).values_list("status", flat=True)
    return saved.first() or record.status


def submitter_id(record):
    """Who submitted the record (last): its ``submitted_by``, else the trail's last submit."""
    if hasattr(record, "submitted_by_id"):
        return record.submitted_by_id
    last = Transition.of(record).filter(action__in=("submit", REOPEN)).order_by("-at", "-pk")
    return last.values_list("by_id", flat=True).first()


def label(model, name: str) -> str:
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return capfirst(name.replace("_", " "))
    if model_field.is_relation and model_field.auto_created:  # child rows ("members")
        return capfirst(model_field.related_model._meta.verbose_name_plural)
    return capfirst(model_field.verbose_name)


def status_label(record, status: str) -> str:
    return dict(type(record)._meta.get_field("status").choices).get(status, status)


def rows_accessor(formset) -> str:
    return type(formset).get_default_prefix()


def rows_changed(formset) -> bool:
    """Whether an inline formset adds, changes or deletes a row that counts for the
    approval (``Workflow.material_rows``)."""
    workflow = workflow_for(type(formset.instance))
    counts = workflow.material_rows.get(rows_accessor(formset)) if workflow else None
    for form in formset.forms:
        deleted = formset.can_delete and formset._should_delete_form(form)
        if deleted and form.instance.pk is None:
            continue
        if (deleted or form.has_changed()) and (counts is None or counts(form)):
            return True
    return False


def changed_names(form, formsets=()) -> set[str]:
    """The fields an edit changes, with the accessor of each set of child rows it changes."""
    names = set(form.changed_data)
    names.update(rows_accessor(formset) for formset in formsets if rows_changed(formset))
    return names


class GuardedModelForm(forms.ModelForm):
    """The base of every edit form of a record with a workflow (pages, import, admin):
    refuses the changes ``Workflow.refusals`` names, each on its field."""

    def clean(self):
        cleaned = super().clean()
        workflow = workflow_for(self._meta.model)
        if workflow is not None:
            for name, message in workflow.refusals(self.instance, self.changed_data).items():
                self.add_error(name if name in self.fields else None, message)
        return cleaned


class GuardedInlineFormSet(forms.BaseInlineFormSet):
    """Child rows (members, transactions) under the same rule as their record's fields."""

    def clean(self):
        super().clean()
        workflow = workflow_for(type(self.instance))
        if workflow is None or self.instance.pk is None or not rows_changed(self):
            return
        refusals = workflow.refusals(self.instance, [rows_accessor(self)])
        if refusals:
            raise ValidationError(list(refusals.values()))


class WorkflowAdminMixin:
    """The Django admin of a record with a workflow: the same rule as the pages."""

    form = GuardedModelForm

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.method == "POST" and transaction.get_connection(
        ).in_atomic_block:
            # Inside the admin's transaction: lock the row until the change is saved, so no
            # step goes through between loading the record and saving it.
            obj = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        return obj

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if change:
                obj.claim()  # the guarded path: the next version, as a page edit takes it
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        workflow = workflow_for(self.model)
        if change and workflow is not None and workflow.after_edit(
            form.instance, request.user, changed_names(form, formsets)
        ):
            self.message_user(request, reopened_message(form.instance), messages.WARNING)

    def delete_view(self, request, object_id, extra_context=None):
        from django.contrib.admin.utils import unquote
        from django.urls import reverse

        record = self.get_object(request, unquote(object_id))
        workflow = workflow_for(self.model)
        if record is not None and workflow is not None and workflow.delete_needs_reason(record):
            # The admin deletes for good and asks no reason: a leader uses the record's page.
            try:
                workflow.check_delete(record, request.user, "")
            except (PermissionDenied, ValidationError) as refusal:
                self.message_user(request, " ".join(refusal_messages(refusal)),
                                  messages.ERROR)
            meta = self.model._meta
            return redirect(reverse(f"admin:{meta.app_label}_{meta.model_name}_change",
                                    args=[record.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_queryset(self, request, queryset):
        workflow = workflow_for(self.model)
        if workflow is not None and queryset.filter(status__in=workflow.protected).exists():
            raise PermissionDenied
        super().delete_queryset(request, queryset)


def refusal_messages(refusal) -> list[str]:
    if isinstance(refusal, ValidationError):
        return refusal.messages
    return [str(refusal)] if str(refusal) else [_("You may not do this.")]


def reopened_message(record) -> str:
    return _("The approval was re-opened: the record changed after it was approved and goes "
             "back to the leader for approval (%(status)s).") % {
        "status": status_label(record, record.status)}


def step_stale_message() -> str:
    return _("Someone else changed this record at the same moment, so this step was not "
             "taken: reload the record's page, check it and take the step again if it is "
             "still needed.")


def transition_view(request, record, workflow: Workflow, name: str, detail_url: str):
    """GET shows the step's form, POST takes the step and returns to the record."""
    step = workflow.step(name)
    if step.automatic:
        raise Http404
    if not workflow.may(step, record, request.user):
        raise PermissionDenied
    posted = request.method == "POST"
    # The page the step was sent from showed an older version of the record: a conflict,
    # whatever the status is now (a double click finds the record approved already).
    stale = posted and request.POST.get("version", str(record.version)) != str(record.version)
    if record.status not in step.sources and not stale:
        messages.error(request, _("This step is not possible in the record's current status."))
        return redirect(detail_url)
    form = step.form_class(request.POST if posted else None, request.FILES if posted else None,
                           auto_id=f"id_{name}_%s")
    if posted and not stale and form.is_valid():
        try:
            workflow.apply(record, name, request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except RecordChanged:
            stale = True
        else:
            messages.success(request, _("Done: %(step)s.") % {"step": step.label})
            return redirect(detail_url)
    if stale:
        form.add_error(None, step_stale_message())
        record.refresh_from_db()
    status = 409 if stale else (400 if form.errors else 200)
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
