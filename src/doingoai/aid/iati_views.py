"""The IATI pages: import a file into the user's province (specialists and leaders), and
export the programmes the user may read as IATI 2.03 XML.

A file of up to DOINGOAI_IATI_JOB_BYTES is imported inside the request and the page then
shows its summary; the progress bar shows the upload's progress (htmx's xhr progress events)
and then an indeterminate bar while the server imports. A larger file is kept through the
storage API and imported by a background job (the jobs app), the user sent to its page, which
shows the same summary when it is done.
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from doingoai.accounts.scope import home_province
from doingoai.aid.iati import codes
from doingoai.aid.iati.exporter import export
from doingoai.aid.iati.importer import Importer, find_unit, province_of
from doingoai.aid.pages import programmes
from doingoai.core.access import require_writer
from doingoai.core.models import AdminUnit

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def max_upload_bytes() -> int:
    return getattr(settings, "DOINGOAI_IATI_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES)


class IatiImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("IATI activity file (XML)"))
    country = forms.CharField(
        label=gettext_lazy("Recipient country"), initial="VN", max_length=3,
        help_text=gettext_lazy("An ISO code (VN for Vietnam), or 'all' to keep every activity."))
    place = forms.CharField(
        label=gettext_lazy("Only activities located in"), required=False, max_length=120,
        help_text=gettext_lazy("A province, district or commune of your province, with or "
                               "without diacritics; empty for the whole country."))

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; files of up to %(limit)s can be imported.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)})
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError(_("IATI files are XML files (name ending in .xml)."))
        return upload

    def clean_country(self):
        value = self.cleaned_data["country"].strip()
        if value.lower() == "all":
            return "all"
        if not codes.is_country(value.upper()):
            raise forms.ValidationError(_("%(code)s is not a country code.") % {"code": value})
        return value.upper()

    def clean_place(self):
        text = self.cleaned_data["place"].strip()
        if not text:
            return None
        unit = find_unit(text)
        if unit is None:
            raise forms.ValidationError(_("No province, district or commune is named %(name)s.")
                                        % {"name": text})
        mine = AdminUnit.objects.rolling_up_to(self.owner)
        if not mine.filter(pk=province_of(unit).pk).exists():
            raise forms.ValidationError(_("%(name)s is not in your province.")
                                        % {"name": unit.full_name})
        return unit


@login_required
def iati_import(request):
    require_writer(request)
    owner = home_province(request.user)
    form = IatiImportForm(request.POST or None, request.FILES or None, owner=owner)
    summary = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.DOINGOAI_IATI_JOB_BYTES:
            job = enqueue_iati_import(request.user, owner, upload, form.cleaned_data)
            url = reverse("jobs:job-detail", args=[job.pk])
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = url
                return response
            return redirect(url)
        importer = Importer(owner, country=form.cleaned_data["country"],
                            place=form.cleaned_data["place"], user=request.user)
        summary = importer.import_file(upload, upload.name)
    context = {"form": form, "summary": summary, "owner": owner,
               "max_bytes": max_upload_bytes()}
    status = 400 if form.errors or (summary and summary.errors and not (
        summary.created or summary.updated)) else 200
    template = "aid/iati_summary.html" if request.htmx else "aid/iati_import.html"
    return render(request, template, context, status=status)


JOB_KIND = "iati-import"


def enqueue_iati_import(user, owner, upload, cleaned):
    from doingoai.jobs.models import Job

    upload.seek(0)
    path = default_storage.save(f"imports/{uuid.uuid4().hex}.xml", upload)
    place = cleaned["place"]
    return Job.objects.enqueue(JOB_KIND, {
        "path": path, "name": upload.name[:200], "country": cleaned["country"],
        "place": place.pk if place is not None else None,
    }, owner=user, province=owner)


def run_iati_import_job(job):
    """The page's import, as its owner, one transaction for the file; the stored file is
    deleted whatever the outcome."""
    from doingoai.jobs.runner import JobRefused

    args = job.args
    place = AdminUnit.objects.get(pk=args["place"]) if args.get("place") else None
    try:
        job.report(5, _("Importing %(name)s") % {"name": args["name"]})
        importer = Importer(job.province, country=args["country"], place=place, user=job.owner)
        with default_storage.open(args["path"], "rb") as source:
            summary = importer.import_file(source, args["name"])
    finally:
        default_storage.delete(args["path"])
    reasons = [list(item) for item in summary.reason_list()]
    result = {"iati": {**summary.as_dict(), "reasons": reasons},
              "next_url": programmes.reverse("list")}
    message = _("%(created)d created, %(updated)d updated, %(skipped)d skipped.") % {
        "created": summary.created, "updated": summary.updated, "skipped": summary.skipped}
    if summary.errors and not (summary.created or summary.updated):
        raise JobRefused(message, result)
    return message, result


@login_required
@require_GET
def iati_export(request):
    """The programmes of the list as the user sees it (same scope, filters and search)."""
    qs = programmes.queryset_for(request.user)
    filterset = programmes.filterset_class()(request.GET or None, queryset=qs)
    if filterset.is_bound and filterset.is_valid():
        qs = filterset.qs
    query = request.GET.get("q", "").strip()
    if query:
        qs = qs.search(query)
    response = HttpResponse(content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="iati-activities.xml"'
    export(qs, response)
    return response
