"""Pages for one record type: list (filters, search, CSV/XLSX export), detail with history,
create, edit, delete to the trash and restore.

An app describes each record type once with a ``RecordType`` and includes its ``urls()``;
province scoping goes through the type's access helper, so no page can skip it.
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import (
    FieldDoesNotExist,
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.core.paginator import Paginator
from django.db import models
from django.dispatch import Signal
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.accounts.scope import (
    can_create,
    can_see_personal_data,
    can_write,
    can_write_record,
    home_province,
    readable_unit_ids,
)
from doingoai.core import filter_choices, list_cache
from doingoai.core.access import allowed_if, get_record_for_user
from doingoai.core.files import accept_long_names, atomic_with_files
from doingoai.core.filter_choices import filter_fields
from doingoai.core.models import AdminUnit, OwnedRecord, RecordChanged
from doingoai.core.widgets import DateInput
from doingoai.lib.cells import safe_cell, safe_row
from doingoai.lib.collation import vietnamese_order
from doingoai.lib.money import normalise_decimal
from doingoai.lib.pagination import BoundedPaginator
from doingoai.organisations.scope import lists_for, unit_id_of
from doingoai.privacy.masking import (  # noqa: F401 - MASK and mask: the tests' and the API's
    MASK,
    mask,
    masked,
    masked_fields_of,
    masked_title,
    personal_fields_of,
)
from doingoai.rules.workflow import (
    GuardedInlineFormSet,
    GuardedModelForm,
    changed_names,
    refusal_messages,
    reopened_message,
    workflow_for,
)

PAGE_SIZE = 50

# Every RecordType, in the order the apps define them: the navigation and the access tests
# walk this list, so a new record type is in both without further work.
REGISTRY: list["RecordType"] = []

# Personal data (Decree 13/2023/NĐ-CP): a model lists its personal fields in
# ``PERSONAL_FIELDS`` (an inline's model too); users without the personal-data permission see
# them masked on every page and export, and cannot see them on an edit form. Each page or
# export that shows a record with personal data sends this signal (the privacy app logs it):
# sender=model, request, action ("view", "list" or "export"), records (pks), fields (the
# personal fields shown in full, empty when masked), province (the records' owner or, for a
# list or export, the user's province).
personal_data_shown = Signal()


@dataclass
class Inline:
    """Child rows edited on the parent's form (delegation members, aid transactions...)."""

    model: type[models.Model]
    fk_name: str
    fields: list[str]
    extra: int = 1
    title: str = ""


NOT_A_RECORD_DATE = ("created_at", "updated_at", "deleted_at")


def year_field_of(model, columns=()) -> str:
    """The date a record's year is read from in the lists' year filter: the model's
    ``YEAR_FIELD``, else the date its body must be in force on (``UNIT_DATE_FIELD``), else
    the first date among the list's columns, then among the model's fields; the day it was
    entered for a record without a date of its own."""
    named = getattr(model, "YEAR_FIELD", None) or getattr(model, "UNIT_DATE_FIELD", None)
    if named:
        return named
    dates = [f.name for f in model._meta.concrete_fields
             if isinstance(f, models.DateField) and f.name not in NOT_A_RECORD_DATE]
    for name in list(columns) + dates:
        if name in dates:
            return name
    return "created_at"


class RecordFilterSet(django_filters.FilterSet):
    """The filters every list has, whatever its record type adds: the province the record
    belongs to (a province's users read those merged into it too, so today's Tuyên Quang
    lists Hà Giang's records and can pick them out) and the year of its date
    (``year_field_of``)."""

    YEAR_FIELD = "created_at"

    province = django_filters.ModelChoiceFilter(
        label=capfirst(gettext_lazy("province")), field_name="owner",
        queryset=AdminUnit.objects.provinces())
    year = django_filters.NumberFilter(label=capfirst(gettext_lazy("year")), method="filter_year",
                                       min_value=1900, max_value=2100)

    def filter_year(self, queryset, name, year):
        return queryset.filter(**{f"{self.YEAR_FIELD}__year": int(year)})


@dataclass
class RecordType:
    model: type[OwnedRecord]
    namespace: str
    slug: str
    fields: list[str]
    list_columns: list[str]
    filters: list[str] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)
    detail_fields: list[str] | None = None
    select_related: list[str] = field(default_factory=list)
    prefetch_related: list[str] = field(default_factory=list)
    # Long columns no list or export shows (a document's file text), left out of the rows.
    defer: list[str] = field(default_factory=list)
    ordering: list[str] | None = None
    form_class: type[forms.ModelForm] | None = None
    access: Callable | None = None
    # extra_context(request, record) -> dict, added to the detail page's context, for an app
    # whose detail template (``<app>/<slug>_detail.html``) shows more (deadlines, actions).
    extra_context: Callable | None = None

    def __post_init__(self):
        if not issubclass(self.model, OwnedRecord):
            raise ImproperlyConfigured(f"{self.model} is not an OwnedRecord")
        self._filterset = None
        self._form_classes = {}
        REGISTRY.append(self)

    # --- names -------------------------------------------------------------------
    def url_name(self, action: str) -> str:
        return f"{self.namespace}:{self.slug}-{action}"

    def reverse(self, action: str, pk=None) -> str:
        return reverse(self.url_name(action), args=[pk] if pk is not None else [])

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name

    @property
    def verbose_name_plural(self):
        return self.model._meta.verbose_name_plural

    # --- personal data -------------------------------------------------------------------
    @property
    def has_personal_data(self) -> bool:
        return bool(personal_fields_of(self.model)) or any(
            personal_fields_of(inline.model) for inline in self.inlines
        )

    def hidden_fields(self, user, model=None) -> tuple[str, ...]:
        """The personal fields and names of ``model`` (the record type's by default) that
        ``user`` sees masked."""
        return () if can_see_personal_data(user) else masked_fields_of(model or self.model)

    def shown_fields(self, user, names) -> list[str]:
        personal = personal_fields_of(self.model)
        if not personal or can_see_personal_data(user):
            return [n for n in names if n in personal]
        return []

    def log_form_shown(self, request, record, form, formsets) -> None:
        """An edit form shows the record's personal fields in full to a user with the grant
        (and leaves them out for the others): log it as a view of those fields."""
        if not self.has_personal_data or not can_see_personal_data(request.user):
            return
        personal = personal_fields_of(self.model)
        shown = [n for n in form.fields
                 if n in personal and getattr(record, n, None) not in (None, "")]
        for formset in formsets:
            inline_personal = personal_fields_of(formset.model)
            shown += sorted({
                f"{formset.model._meta.model_name}.{n}" for sub in formset.forms
                if sub.instance.pk for n in sub.fields
                if n in inline_personal and getattr(sub.instance, n, None) not in (None, "")
            })
        if shown:
            self.log_personal_data(request, "view", [record.pk], shown, record.owner)

    def log_personal_data(self, request, action, records, fields, province):
        personal_data_shown.send(
            sender=self.model, request=request, action=action, records=list(records),
            fields=list(fields), province=province,
        )

    # --- access --------------------------------------------------------------------
    def get_for_user(self, request, pk, *, write=False, deleted=False):
        if self.access is not None and not deleted:
            return self.access(request, pk, write=write)
        return get_record_for_user(request, self.model, pk, write=write, deleted=deleted)

    def may_list(self, user) -> bool:
        """The check of the list and trash pages, which the menu asks too (a unit's users
        have no list of a register that names no body)."""
        return lists_for(user, self.model)

    def queryset_for(self, user):
        qs = self.model.objects.visible_to(user)
        joins, prefetches = self.list_relations()
        if self.select_related or joins:
            qs = qs.select_related(*self.select_related, *joins)
        if self.prefetch_related or prefetches:
            qs = qs.prefetch_related(*self.prefetch_related, *prefetches)
        if self.defer:
            qs = qs.defer(*self.defer)
        return qs.order_by(*vietnamese_order(self.model, with_tie_break(
            self.ordering or self.model._meta.ordering or ["-pk"])))

    def list_relations(self) -> tuple[list[str], list[str]]:
        """The foreign keys and many-to-many fields among the list columns, fetched with the
        rows so that neither the table nor its export costs a query per row."""
        joins, prefetches = [], []
        for name in self.list_columns:
            try:
                model_field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if model_field.many_to_many:
                prefetches.append(name)
            elif (model_field.many_to_one or model_field.one_to_one) and model_field.concrete:
                joins.append(name)
                # The relations the related record's name reads (``STR_RELATED``), joined too.
                joins += [f"{name}__{related}" for related in
                          getattr(model_field.related_model, "STR_RELATED", ())]
        return joins, prefetches

    # --- forms ---------------------------------------------------------------------
    def filterset_class(self):
        """The list's filters: the type's own (``filters``) after the province and the year
        every list has (``RecordFilterSet``)."""
        if self._filterset is None:
            self._filterset = django_filters.filterset.filterset_factory(
                self.model, filterset=RecordFilterSet, fields=self.filters
            )
            self._filterset.YEAR_FIELD = year_field_of(self.model, self.list_columns)
        return self._filterset

    def build_form(self, request, instance=None):
        fields = self.fields
        if instance is not None:
            # Nobody sees masked data in an edit form: the fields are left out (and unchanged).
            hidden = self.hidden_fields(request.user)
            fields = [name for name in fields if name not in hidden]
        form_class = self.form_class or self.form_class_for(tuple(fields))
        data = request.POST if request.method == "POST" else None
        files = request.FILES if request.method == "POST" else None
        # A new record's form may be pre-filled from the address (?name_vi=JICA), e.g. from
        # a partner named in a document but missing from the register.
        initial = {} if instance is not None or data is not None else {
            name: value for name, value in request.GET.items() if name in self.fields
        }
        form = form_class(data, files, instance=instance, initial=initial)
        if instance is None and home_province(request.user) is not None:
            # A new record's rules may depend on its province (a spending norm of its own):
            # the model's clean() knows it as the page and the import will save it.
            form.instance.owner = home_province(request.user)
        for name, value in form.initial.items():
            if isinstance(value, Decimal):
                form.initial[name] = normalise_decimal(value)  # 3, not the column's 3.0000
        scope_choices(form, request.user)
        fix_unit(form, request.user)
        return form

    def form_class_for(self, fields: tuple[str, ...]):
        """The form of these fields, made once (an import builds one form per row)."""
        if fields not in self._form_classes:
            # GuardedModelForm: what an edit may change in the record's status (rules/workflow).
            self._form_classes[fields] = forms.modelform_factory(
                self.model, form=GuardedModelForm, fields=list(fields),
                formfield_callback=formfield_with_widgets,
            )
        return self._form_classes[fields]

    def build_inlines(self, request, instance):
        formsets = []
        for index, inline in enumerate(self.inlines):
            # A copy: Django's inline formset appends the foreign key to the list it is given,
            # which would add a column for the parent to the detail page's table.
            fields = list(inline.fields)
            if instance is not None and instance.pk:
                hidden = self.hidden_fields(request.user, inline.model)
                fields = [name for name in fields if name not in hidden]
            formset_class = forms.inlineformset_factory(
                self.model, inline.model, fk_name=inline.fk_name, fields=fields,
                extra=inline.extra, can_delete=True, formfield_callback=formfield_with_widgets,
                formset=GuardedInlineFormSet,
            )
            data = request.POST if request.method == "POST" else None
            files = request.FILES if request.method == "POST" else None
            formset = formset_class(data, files, instance=instance, prefix=f"inline{index}")
            for form in formset.forms:
                scope_choices(form, request.user)
            formset.title = inline.title or inline.model._meta.verbose_name_plural
            formsets.append(formset)
        return formsets

    # --- urls ----------------------------------------------------------------------
    def urls(self):
        slug = self.slug
        return [
            path(f"{slug}s/", login_required(allowed_if(self.may_list)(self.list_view)),
                 name=f"{slug}-list"),
            path(f"{slug}s/new/", login_required(self.create_view), name=f"{slug}-create"),
            path(f"{slug}s/trash/", login_required(allowed_if(self.may_list)(self.trash_view)),
                 name=f"{slug}-trash"),
            path(
                f"{slug}s/xlsx-template/", login_required(self.template_view),
                name=f"{slug}-template",
            ),
            path(f"{slug}s/import/", login_required(self.import_view), name=f"{slug}-import"),
            path(f"{slug}s/<int:pk>/", login_required(self.detail_view), name=f"{slug}-detail"),
            path(f"{slug}s/<int:pk>/edit/", login_required(self.edit_view), name=f"{slug}-edit"),
            path(
                f"{slug}s/<int:pk>/delete/", login_required(self.delete_view),
                name=f"{slug}-delete",
            ),
            path(
                f"{slug}s/<int:pk>/restore/", login_required(self.restore_view),
                name=f"{slug}-restore",
            ),
        ]

    def templates(self, action: str) -> list[str]:
        return [f"{self.namespace}/{self.slug}_{action}.html", f"core/record_{action}.html"]

    def context(self, request, **extra):
        record = extra.get("record")
        return {"rt": self, "can_write": can_write(request.user),
                "can_create": can_create(request.user, self.model),
                "record_title": masked_title(record, request.user) if record else "", **extra}

    def form_context(self, request, form, formsets, record):
        formsets_invalid = any(formset.total_error_count() for formset in formsets)
        return self.context(
            request, form=form, formsets=formsets, record=record,
            formsets_invalid=formsets_invalid, invalid=bool(form.errors) or formsets_invalid,
        )

    # --- changes (the pages and the API take the same path) -----------------------------
    def save_new(self, request, form, formsets):
        """Save a valid new record and its child rows, owned by the user's province."""
        with atomic_with_files():
            record = form.save(commit=False)
            record.owner = home_province(request.user)
            record.created_by = request.user
            unit_id = unit_id_of(request.user)
            if unit_id is not None:  # a unit's reporter enters their own unit's records
                setattr(record, f"{self.model.UNIT_FIELD}_id", unit_id)
            record.save()
            form.save_m2m()
            for formset in formsets:
                formset.instance = record
                formset.save()
        return record

    def save_changes(self, request, record, form, formsets, version=None) -> bool:
        """Save a valid edit of ``record`` if the row still has ``version`` (the one loaded
        by default), else ``RecordChanged`` and nothing saved; True when the edit sent an
        approved record back for approval (``Workflow.after_edit``)."""
        if version is not None and str(version) != str(record.version):
            raise RecordChanged(f"{self.model.__name__} {record.pk} is not at v{version}")
        workflow = workflow_for(self.model)
        with atomic_with_files():
            record.claim(record.version)
            form.save()
            for formset in formsets:
                formset.save()
            return workflow is not None and workflow.after_edit(
                record, request.user, changed_names(form, formsets))

    def move_to_trash(self, request, record, reason: str = "") -> None:
        """PermissionDenied or ValidationError when the workflow refuses it (a leader's hand
        and a reason past approval), RecordChanged when the row changed meanwhile."""
        workflow = workflow_for(self.model)
        if workflow is not None:
            workflow.check_delete(record, request.user, reason)
        record._change_reason = reason[:100]
        record.soft_delete()

    def restore_from_trash(self, request, pk):
        record = self.get_for_user(request, pk, deleted=True)
        if not can_write_record(request.user, record):
            raise PermissionDenied
        record.restore()
        return record

    # --- views ---------------------------------------------------------------------
    def list_view(self, request):
        export = request.GET.get("export")
        if export in ("csv", "xlsx", "xlsx-records"):
            return self.export_view(request, export)
        query = request.GET.get("q", "").strip()
        # The rows are the same for every user of the same scope reading the same address:
        # rendered once per generation of the rows (core/list_cache.py).
        sees_personal_data = can_see_personal_data(request.user)
        key = list_cache.key_of(self, request, sees_personal_data)
        cached = list_cache.get(key)
        if cached is None:
            cached = self.render_rows(request, query)
            list_cache.put(key, *cached)
        rows_html, pks = cached
        if pks is not None:
            self.log_personal_data(
                request, "list", pks, self.shown_fields(request.user, self.list_columns),
                home_province(request.user),
            )
        if request.htmx:
            return HttpResponse(rows_html)
        filters_key = filter_choices.form_key(self.url_name("list"), request, sees_personal_data)
        filters_html = filter_choices.cache.get(filters_key)
        if filters_html is None:
            filters_html = self.render_filters(request, query)
            filter_choices.cache.set(filters_key, filters_html, filter_choices.TIMEOUT)
        ctx = self.context(
            request, query=query, querystring=querystring_without(request, "page"),
            # Not built on a page whose form came from the cache, unless a template asks.
            filterset=SimpleLazyObject(lambda: self.filterset_for(request)),
            rows_html=mark_safe(rows_html),  # noqa: S308 - rendered by render_rows
            filters_html=mark_safe(filters_html),  # noqa: S308 - rendered by render_filters
        )
        return render(request, self.templates("list"), ctx)

    def filterset_for(self, request, queryset=None):
        """The list's filters bound to the address, their choices narrowed to the user's."""
        filterset = self.filterset_class()(
            request.GET or None,
            queryset=self.model.objects.none() if queryset is None else queryset)
        scope_choices(filterset.form, request.user)
        return filterset

    def render_filters(self, request, query) -> str:
        """The HTML of the search and filter form (``core/_record_filters.html``)."""
        filterset = self.filterset_for(request)
        return render_to_string("core/_record_filters.html", {
            "query": query,
            "filter_fields": filter_fields(filterset, request.user, self.url_name("list")),
        })

    def filtered(self, request):
        """The rows of the list at this address: the user's, filtered and searched."""
        qs = self.queryset_for(request.user)
        filterset = self.filterset_for(request, qs)
        qs = filterset.qs if filterset.is_bound and filterset.is_valid() else qs
        query = request.GET.get("q", "").strip()
        return qs.search(query) if query else qs

    def render_rows(self, request, query) -> tuple[str, list | None]:
        """The HTML of the rows (``core/_record_rows.html``), and the pks of the records
        whose personal data it shows (None when its columns show none)."""
        page = BoundedPaginator(self.filtered(request), PAGE_SIZE).get_page(
            request.GET.get("page"))
        hidden = self.hidden_fields(request.user)
        ctx = self.context(
            request, page=page, query=query,
            rows=[(obj, [shown(obj, c, hidden) for c in self.list_columns]) for obj in page],
            headers=[field_label(self.model, c) for c in self.list_columns],
            querystring=querystring_without(request, "page"),
        )
        personal = any(c in personal_fields_of(self.model) for c in self.list_columns)
        pks = [obj.pk for obj in page] if personal and len(page) else None
        return render_to_string("core/_record_rows.html", ctx), pks

    def export_view(self, request, export):
        qs = self.filtered(request)
        hidden = self.hidden_fields(request.user)
        if export in ("csv", "xlsx") and personal_fields_of(self.model):
            self.log_personal_data(
                request, "export", qs.values_list("pk", flat=True),
                self.shown_fields(request.user, self.list_columns), home_province(request.user),
            )
        if export == "xlsx-records":
            from doingoai.core import spreadsheets

            return spreadsheets.records_response(self, request, qs)
        if export == "csv":
            return self.export_csv(qs, hidden)
        return self.export_xlsx(qs, hidden)

    def detail_view(self, request, pk):
        record = self.get_for_user(request, pk)
        names = self.detail_fields or self.fields
        hidden = self.hidden_fields(request.user)
        ctx = self.context(
            request, record=record,
            fields=[
                (field_label(self.model, n), shown(record, n, hidden) if n in hidden
                 else downloadable(record, n)) for n in names
            ],
            inline_tables=[
                inline_table(record, inline, self.hidden_fields(request.user, inline.model))
                for inline in self.inlines
            ],
            history=history_of(record, hidden),
            record_can_write=can_write_record(request.user, record),
        )
        if self.has_personal_data:
            # A personal field left empty on the record showed nothing: it is not logged.
            filled = [n for n in names if getattr(record, n, None) not in (None, "")]
            shown_names = self.shown_fields(request.user, filled) + [
                f"{inline.model._meta.model_name}.{n}" for inline in self.inlines
                for n in inline.fields
                if n in personal_fields_of(inline.model) and can_see_personal_data(request.user)
            ]
            self.log_personal_data(request, "view", [record.pk], shown_names, record.owner)
        if self.extra_context is not None:
            ctx.update(self.extra_context(request, record))
        return render(request, self.templates("detail"), ctx)

    def create_view(self, request):
        if not can_create(request.user, self.model):
            raise PermissionDenied
        form = self.build_form(request)
        formsets = self.build_inlines(request, form.instance)
        if request.method == "POST" and all_valid(form, formsets):
            try:
                record = self.save_new(request, form, formsets)
            except ValidationError as exc:
                # A rule checked again under a lock when saving (an interpreter booked by a
                # request that came first): said on the form, nothing saved.
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Saved."))
                return redirect(self.reverse("detail", record.pk))
        ctx = self.form_context(request, form, formsets, record=None)
        return render(request, self.templates("form"), ctx, status=400 if ctx["invalid"] else 200)

    def edit_view(self, request, pk):
        record = self.get_for_user(request, pk, write=True)
        form = self.build_form(request, instance=record)
        formsets = self.build_inlines(request, record)
        stale = False
        if request.method == "POST":
            stale = str(record.version) != request.POST.get("version")
            if not stale and all_valid(form, formsets):
                try:
                    reopened = self.save_changes(request, record, form, formsets)
                except RecordChanged:
                    stale = True
                except ValidationError as exc:  # as on create: a rule checked under a lock
                    form.add_error(None, exc.messages)
                else:
                    messages.success(request, _("Saved."))
                    if reopened:
                        messages.warning(request, reopened_message(record))
                    return redirect(self.reverse("detail", record.pk))
            if stale:
                form.add_error(None, stale_message())
        ctx = self.form_context(request, form, formsets, record=record)
        self.log_form_shown(request, record, form, formsets)
        # 409 only for a stale version: a model's own non-field error is a plain 400.
        status = 409 if stale else (400 if ctx["invalid"] else 200)
        return render(request, self.templates("form"), ctx, status=status)

    def delete_view(self, request, pk):
        record = self.get_for_user(request, pk, write=True)
        workflow = workflow_for(self.model)
        refusal, status = None, 200
        if request.method == "POST":
            try:
                self.move_to_trash(request, record, request.POST.get("reason", ""))
            except PermissionDenied as error:
                refusal, status = " ".join(refusal_messages(error)), 403
            except ValidationError as error:
                refusal, status = " ".join(refusal_messages(error)), 400
            except RecordChanged:
                refusal, status = stale_message(), 409
            else:
                messages.success(
                    request, _("Moved to the trash. It can be restored from there.")
                )
                return redirect(self.reverse("list"))
        ctx = self.context(
            request, record=record, refusal=refusal,
            reason_required=workflow is not None and workflow.delete_needs_reason(record),
        )
        return render(request, self.templates("confirm_delete"), ctx, status=status)

    def trash_view(self, request):
        qs = self.model.all_objects.visible_to(request.user).deleted().order_by("-deleted_at")
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, "core/record_trash.html", self.context(request, page=page))

    def restore_view(self, request, pk):
        if request.method != "POST":
            return redirect(self.reverse("trash"))
        try:
            record = self.restore_from_trash(request, pk)
        except RecordChanged:
            messages.error(request, stale_message())
            return redirect(self.reverse("trash"))
        messages.success(request, _("Restored."))
        return redirect(self.reverse("detail", record.pk))

    def template_view(self, request):
        from doingoai.core import spreadsheets

        return spreadsheets.template_response(self, request)

    def import_view(self, request):
        from doingoai.core import spreadsheets

        return spreadsheets.import_view(self, request)

    # --- exports (the same query as the table) -----------------------------------------
    def export_rows(self, qs, hidden=(), value=None):
        """The header and the rows, each value given by ``value`` (text, for the CSV)."""
        value = value or plain
        yield [str(field_label(self.model, c)) for c in self.list_columns]
        for obj in qs.iterator(chunk_size=500):  # prefetches are done chunk by chunk
            yield [str(shown(obj, c, hidden)) if c in hidden else value(obj, c)
                   for c in self.list_columns]

    def export_csv(self, qs, hidden=()):
        class Echo:
            def write(self, value):
                return value

        writer = csv.writer(Echo())
        rows = (writer.writerow(safe_row(row)) for row in self.export_rows(qs, hidden))
        response = StreamingHttpResponse(
            _with_bom(rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}s.csv"'
        return response

    def export_xlsx(self, qs, hidden=()):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(self.verbose_name_plural)[:31])
        for row in self.export_rows(qs, hidden, value=cell_value):
            cells = []
            for value in row:
                # A date is a date cell, shown dd/mm/yyyy, so that Excel sorts and filters it.
                if isinstance(value, (dt.date, dt.datetime)):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = (
                        "DD/MM/YYYY HH:MM" if isinstance(value, dt.datetime) else "DD/MM/YYYY")
                    value = cell
                cells.append(safe_cell(value))
            sheet.append(cells)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}s.xlsx"'
        return response


def with_tie_break(ordering) -> list:
    """``ordering`` ending in the primary key: rows with the same date (``-departs_on``) keep
    one order, so none repeats or vanishes from one page of a list to the next."""
    ordering = list(ordering)
    if not any(isinstance(item, str) and item.lstrip("-") in ("pk", "id") for item in ordering):
        ordering.append("-pk")
    return ordering


def all_valid(form, formsets) -> bool:
    # Validate every formset, not only up to the first invalid one, so that all errors show.
    results = [form.is_valid()] + [formset.is_valid() for formset in formsets]
    return all(results)


def _with_bom(rows):
    # Excel opens a UTF-8 CSV with Vietnamese text correctly only when it starts with a BOM.
    yield "\ufeff"
    yield from rows


def stale_message():
    return _(
        "Someone else changed this record while you were editing it. Your changes were not "
        "saved: reload the page to see the new version, then make your changes again."
    )


def formfield_with_widgets(db_field, **kwargs):
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        kwargs["widget"] = DateInput()
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    formfield = db_field.formfield(**kwargs)
    if isinstance(db_field, models.FileField) and formfield is not None:
        accept_long_names(formfield)
    if isinstance(db_field, models.ManyToManyField) and formfield is not None:
        formfield.widget.attrs.setdefault("size", 6)
    return formfield


def scope_choices(form, user):
    """Narrow every choice of a record or administrative unit to what ``user`` may read,
    so that a form can neither show nor accept another province's records, and give the
    choices the Vietnamese alphabetical order of the lists unless a field has its own."""
    unit_ids = readable_unit_ids(user)
    for name, formfield in form.fields.items():
        queryset = getattr(formfield, "queryset", None)
        if queryset is None:
            continue
        model = queryset.model
        if issubclass(model, OwnedRecord):
            # Intersected, not replaced, so that a field's limit_choices_to still holds.
            formfield.queryset = queryset & model.objects.visible_to(user)
            if hasattr(formfield.queryset, "in_force") and isinstance(form, forms.ModelForm):
                formfield.queryset = units_in_force(form, name, formfield.queryset)
        elif getattr(model, "OWNED_THROUGH", None):
            # A child row (a delegation's member) is the province's through its parent.
            parent = model._meta.get_field(model.OWNED_THROUGH).related_model
            formfield.queryset = queryset.filter(**{
                f"{model.OWNED_THROUGH}__in": parent.objects.visible_to(user)})
        elif model is get_user_model() and unit_ids is not None:
            # A person handling a record (a document's handler): a user of a province the
            # user reads, never another province's staff list.
            formfield.queryset = queryset.filter(membership__province_id__in=unit_ids)
        elif model is AdminUnit and unit_ids is not None:
            # Intersected too: a list's province filter offers provinces only.
            formfield.queryset = queryset.filter(
                models.Q(pk__in=unit_ids) | models.Q(province_id__in=unit_ids)
            )
        if model is AdminUnit and isinstance(form, forms.ModelForm):
            # A record's commune or district: those in force on its date, not the old and
            # the new communes mixed (a province stays: figures of Hà Giang are still entered).
            formfield.queryset = (
                formfield.queryset.filter(level=AdminUnit.Level.PROVINCE)
                | units_in_force(form, name, formfield.queryset,
                                 on=form.instance.record_day() if form.instance.pk else None))
        # Choices in Vietnamese alphabetical order, as the lists.
        if not formfield.queryset.query.order_by:
            formfield.queryset = formfield.queryset.order_by(
                *vietnamese_order(model, model._meta.ordering or ["pk"]))


def fix_unit(form, user):
    """A unit's user enters records of their own unit only: the form's body field (the
    model's ``UNIT_FIELD``) offers that unit alone and cannot be changed, whatever is posted."""
    unit_id = unit_id_of(user)
    name = getattr(form._meta.model, "UNIT_FIELD", None) if hasattr(form, "_meta") else None
    if unit_id is None or name is None or name not in form.fields:
        return
    formfield = form.fields[name]
    if getattr(formfield, "queryset", None) is None or isinstance(
            formfield, forms.ModelMultipleChoiceField):
        return
    formfield.queryset = formfield.queryset.model.objects.filter(pk=unit_id)
    formfield.disabled = True
    if form.instance.pk is None:
        form.initial[name] = unit_id


def units_in_force(form, name, queryset, on=None):
    """The province's bodies a record's form offers: those in force on the record's date
    (``UNIT_DATE_FIELD``; today for a new record), and the one it names already. A filter
    form offers them all: history is searched by the bodies of its day."""
    instance = form.instance
    date_field = getattr(type(instance), "UNIT_DATE_FIELD", None)
    if on is None:
        on = getattr(instance, date_field, None) if date_field and instance.pk else None
    current = form.initial.get(name)
    kept = [getattr(item, "pk", item) for item in current] if isinstance(
        current, (list, tuple)) else [current or 0]  # a many-to-many field: every body named
    return queryset.in_force(on or timezone.localdate()) | queryset.filter(pk__in=kept)


def field_label(model, name):
    try:
        return model._meta.get_field(name).verbose_name
    except Exception:
        attr = getattr(model, name, None)
        return getattr(attr, "short_description", name.replace("_", " "))


def display(obj, name):
    """The value of ``name`` on ``obj`` as a page shows it (localised dates and numbers)."""
    try:
        model_field = obj._meta.get_field(name)
    except Exception:
        model_field = None
    if model_field is not None and model_field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name, None)
    # Before the callable test: a many-to-many manager is callable too.
    if model_field is not None and model_field.many_to_many:
        return ", ".join(str(v) for v in value.all())
    if callable(value):
        value = value()
    if isinstance(value, models.fields.files.FieldFile):
        return value
    if isinstance(value, get_user_model()):
        # People by their name, not their login: "Nguyễn Thị Thu Hà", not "hagiang.chuyenvien".
        return value.get_full_name() or value.get_username()
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if hasattr(value, "strftime"):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (int, float, Decimal)):
        if not counts_something(model_field, name):
            return str(value)  # a year, an id, a version: 2019, never 2.019
        if isinstance(value, Decimal):
            value = normalise_decimal(value)  # 13,0000 reads as 13
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return value


# Numbers that name, date or place something rather than count it, by the field's name: a
# year, an id, a version, a month or day of the year, a character offset.
NOT_A_QUANTITY = re.compile(r"(^|_)(id|pk|year|version|code|month|day|start|end|offset)$")


def counts_something(model_field, name: str) -> bool:
    """Whether the number in ``name`` is a quantity, to be grouped (2.689), rather than an
    identifier or a year, printed as it is (3357, 2019)."""
    if model_field is not None and (model_field.primary_key or model_field.is_relation):
        return False
    return not NOT_A_QUANTITY.search(name)


def shown(obj, name, hidden=()):
    """``display``, masked when ``name`` is a personal field the viewer may not see (a
    date of birth entirely, a passport number but for its first characters)."""
    if name in hidden:
        return masked(type(obj), name, getattr(obj, name, None))
    return display(obj, name)


def downloadable(record, name):
    """Like ``display``, but a file becomes a link to the access-checked download view
    (uploads are never served straight from storage)."""
    value = display(record, name)
    if isinstance(value, models.fields.files.FieldFile):
        if not value:
            return ""
        meta = record._meta
        return {
            "url": reverse(
                "core:download", args=[meta.app_label, meta.model_name, record.pk, name]
            ),
            "name": value.name.rsplit("/", 1)[-1],
        }
    return value


def cell_value(obj, name):
    """The value of ``name`` for a spreadsheet cell: a date as a date and a number as a
    number (Excel sums and sorts them), anything else as the text of ``plain``."""
    try:
        model_field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    if model_field is not None and (model_field.choices or model_field.is_relation):
        return plain(obj, name)
    value = getattr(obj, name, None)
    if callable(value):
        value = value()
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) \
            else value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, Decimal):
        return normalise_decimal(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return plain(obj, name)


def plain(obj, name):
    value = display(obj, name)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return str(value)


def inline_table(record, inline: Inline, hidden=()):
    # The foreign keys and many-to-many fields shown are fetched with the rows, not once per
    # row (a delegation's members and their nationality); the primary key orders ties.
    related = [f for f in inline.fields
               if _field_or_none(inline.model, f) is not None
               and _field_or_none(inline.model, f).is_relation]
    joined = [f for f in related if not _field_or_none(inline.model, f).many_to_many]
    rows = inline.model.objects.filter(**{inline.fk_name: record}).select_related(
        *joined).prefetch_related(*[f for f in related if f not in joined])
    rows = rows.order_by(*(inline.model._meta.ordering or []), "pk")
    return {
        "title": inline.title or inline.model._meta.verbose_name_plural,
        "headers": [field_label(inline.model, f) for f in inline.fields],
        "rows": [[shown(row, f, hidden) for f in inline.fields] for row in rows],
    }


def _field_or_none(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def history_of(record, hidden=()):
    """The record's audit trail, newest first, each entry with the fields it changed
    (the values of ``hidden`` personal fields masked)."""
    entries = list(record.history.select_related("history_user").order_by("-history_date")[:50])
    names = {}  # (related model, pk) -> its name, so a record is fetched once per trail
    trail = []
    for newer, older in zip(entries, entries[1:] + [None], strict=False):
        changes = []
        if older is not None:
            delta = newer.diff_against(
                older, excluded_fields=["search_text", "file_text", "version", "updated_at"]
            )
            for change in delta.changes:
                if change.field in hidden:
                    old = masked(type(record), change.field, change.old)
                    new = masked(type(record), change.field, change.new)
                else:
                    old = history_value(type(record), change.field, change.old, names)
                    new = history_value(type(record), change.field, change.new, names)
                changes.append((field_label(type(record), change.field), old, new))
        trail.append({"entry": newer, "changes": changes, "action": history_action(newer, older)})
    return trail


def history_value(model, name, value, names=None):
    """A value of the history as the record's page shows it: a choice by its label
    ("Đã trình", not "submitted"), a related record by its name (its id only if it is gone),
    dates and numbers localised. ``names`` caches related records' names for one trail."""
    if value is None or value == "":
        return ""
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if isinstance(value, (list, tuple)):  # a many-to-many field: the related records
        pks = [item.get(model_field.m2m_reverse_field_name()) if isinstance(item, dict)
               else item for item in value]
        return ", ".join(str(_related_name(model_field.related_model, pk, names)) for pk in pks)
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if model_field.is_relation and model_field.related_model is not None:
        return _related_name(model_field.related_model, value, names)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if hasattr(value, "strftime"):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal):
        value = normalise_decimal(value)
    if isinstance(value, (float, Decimal)):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return value  # whole numbers as they are: most are years, codes or small counts


def _related_name(related_model, pk, names=None):
    names = {} if names is None else names
    key = (related_model, pk)
    if key not in names:
        # The base manager: a related record in the trash is still named by its name.
        related = related_model._base_manager.filter(pk=pk).first()
        names[key] = str(related) if related is not None else f"#{pk}"
    return names[key]


def history_action(newer, older):
    if newer.history_type == "+":
        return gettext_lazy("created")
    if older is not None and older.deleted_at is None and newer.deleted_at is not None:
        return gettext_lazy("moved to the trash")
    if older is not None and older.deleted_at is not None and newer.deleted_at is None:
        return gettext_lazy("restored")
    if newer.history_type == "-":
        return gettext_lazy("deleted")
    return gettext_lazy("changed")


def querystring_without(request, *names):
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()

