"""The pages of report documents (``/reports/documents/…``): the list, a new draft from a
place and period, the document with its versions and steps, the edit form (each save a new
version), the difference between two versions, and its files. Each view fetches through
``reports.access.get_document_for_user`` and calls one method."""

import difflib

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doingoai.accounts.scope import can_write, can_write_record
from doingoai.core.access import allowed_if
from doingoai.core.models import RecordChanged
from doingoai.lib.periods import PeriodError, parse_period
from doingoai.organisations.scope import reads_reports
from doingoai.reports import drafting
from doingoai.reports.access import (
    UnknownPlace,
    get_document_for_user,
    get_places_for_user,
    readable_provinces,
)
from doingoai.reports.exports import CONTENT_TYPES
from doingoai.reports.models import ReportDocument
from doingoai.reports.workflow import workflow
from doingoai.rules.workflow import transition_view, workflow_context

FORMATS = ("docx", "pdf", "xlsx")


class NewDraftForm(forms.Form):
    place = forms.ChoiceField(label=gettext_lazy("Province"))
    period = forms.CharField(label=gettext_lazy("Period"), max_length=30,
                             help_text=gettext_lazy("A year (2023), a quarter (2026-Q3) or "
                                                    "years (2015-2020)."))
    language = forms.ChoiceField(label=gettext_lazy("Language"), initial="vi",
                                 choices=[("vi", gettext_lazy("Vietnamese")),
                                          ("en", gettext_lazy("English"))])

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [(p.pk, str(p)) for p in provinces]

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None


class EditForm(forms.Form):
    """One textarea per section of the version (a paragraph a line), and a comment."""

    def __init__(self, sections, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in drafting.editable(sections):
            self.fields[section["slug"]] = forms.CharField(
                label=section["heading"], required=False, max_length=20000,
                initial="\n".join(section.get("paragraphs") or []),
                widget=forms.Textarea(attrs={"rows": 6 if section.get("written") else 8}))
        self.fields["comment"] = forms.CharField(
            label=gettext_lazy("What changed"), required=False, max_length=500)


@login_required
@allowed_if(reads_reports)
def document_list(request):
    documents = ReportDocument.objects.visible_to(request.user).select_related("place")
    form = NewDraftForm(provinces=readable_provinces(request.user))
    return render(request, "reports/documents/list.html", {
        "documents": documents, "form": form, "can_create": can_write(request.user)})


@login_required
@allowed_if(reads_reports)
@require_POST
def document_new(request):
    if not can_write(request.user):
        raise PermissionDenied
    form = NewDraftForm(request.POST, provinces=readable_provinces(request.user))
    if form.is_valid():
        try:
            place = get_places_for_user(request, [form.cleaned_data["place"]])[0]
        except UnknownPlace:
            raise Http404 from None
        if not can_write_record(request.user, ReportDocument(owner=place)):
            raise PermissionDenied
        doc = drafting.create_draft(place, form.cleaned_data["period"], request.user,
                                    form.cleaned_data["language"])
        messages.success(request, _("The draft was created from the report's figures."))
        return redirect("reports:document-detail", doc.pk)
    documents = ReportDocument.objects.visible_to(request.user).select_related("place")
    return render(request, "reports/documents/list.html", {
        "documents": documents, "form": form, "can_create": True}, status=400)


@login_required
@allowed_if(reads_reports)
def document_detail(request, pk):
    doc = get_document_for_user(request, pk)
    versions = list(doc.versions.select_related("author").order_by("-n"))
    current = versions[0] if versions else None
    return render(request, "reports/documents/detail.html", {
        "record": doc, "doc": doc, "current": current, "versions": versions,
        "sections": drafting.as_outline(current.sections, doc.language) if current else [],
        "can_edit": doc.editable and can_write_record(request.user, doc),
        "formats": FORMATS,
        **workflow_context(request, doc, workflow, "reports:document-step"),
    })


@login_required
@allowed_if(reads_reports)
def document_edit(request, pk):
    doc = get_document_for_user(request, pk, write=True)
    if not doc.editable:
        messages.error(request, _("This report can be edited only as a draft or when it "
                                  "was returned for changes."))
        return redirect("reports:document-detail", pk)
    current = doc.current
    posted = request.method == "POST"
    form = EditForm(current.sections, request.POST if posted else None)
    status = 200
    if posted:
        stale = request.POST.get("version") != str(doc.version)
        if not stale and form.is_valid():
            texts = {k: v for k, v in form.cleaned_data.items() if k != "comment"}
            try:
                doc.add_version(drafting.edited(current.sections, texts), current.annex,
                                request.user, form.cleaned_data["comment"])
            except RecordChanged:
                stale = True
            else:
                messages.success(request, _("Saved as a new version."))
                return redirect("reports:document-detail", pk)
        if stale:
            form.add_error(None, _("Someone else changed this report meanwhile: reload it "
                                   "and make your change again."))
            status = 409
        else:
            status = 400
    return render(request, "reports/documents/edit.html",
                  {"doc": doc, "form": form, "current": current}, status=status)


@login_required
@allowed_if(reads_reports)
def document_diff(request, pk):
    doc = get_document_for_user(request, pk)
    last = doc.versions.order_by("-n").values_list("n", flat=True).first() or 1
    try:
        b_n = int(request.GET.get("b") or last)
        a_n = int(request.GET.get("a") or max(b_n - 1, 1))
    except ValueError:
        raise Http404 from None
    a = get_object_or_404(doc.versions, n=a_n)
    b = get_object_or_404(doc.versions, n=b_n)
    lines = []
    for line in difflib.unified_diff(a.as_text().splitlines(), b.as_text().splitlines(),
                                     f"v{a.n}", f"v{b.n}", lineterm="", n=2):
        kind = ("meta" if line.startswith(("---", "+++", "@@")) else
                "added" if line.startswith("+") else
                "removed" if line.startswith("-") else "same")
        lines.append({"kind": kind, "text": line})
    return render(request, "reports/documents/diff.html", {
        "doc": doc, "a": a, "b": b, "lines": lines,
        "versions": doc.versions.order_by("n").values_list("n", flat=True)})


@login_required
@allowed_if(reads_reports)
def document_download(request, pk, n, fmt):
    doc = get_document_for_user(request, pk)
    if fmt not in FORMATS:
        raise Http404
    version = get_object_or_404(doc.versions, n=n)
    response = HttpResponse(drafting.render_version(doc, version, fmt),
                            content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{drafting.file_name(doc, version, fmt)}"')
    return response


@login_required
@allowed_if(reads_reports)
def document_step(request, pk, step):
    doc = get_document_for_user(request, pk)
    return transition_view(request, doc, workflow, step,
                           reverse("reports:document-detail", args=[pk]))
