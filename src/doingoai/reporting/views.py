"""A unit's submission (figures, its report read by the extractor, the steps) and the
leader's acceptance of a round's result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.accounts.scope import can_write_record, is_leader
from doingoai.core.models import RecordChanged
from doingoai.core.records import stale_message
from doingoai.figures.extraction import extract
from doingoai.figures.extraction.readers import DocumentError, read_bytes
from doingoai.lib.money import normalise_decimal
from doingoai.organisations.scope import is_reporter_of
from doingoai.reporting.access import get_round_for_user, get_submission_for_user
from doingoai.reporting.forms import FiguresForm, UploadForm
from doingoai.reporting.models import Submission, SubmittedFigure
from doingoai.reporting.result import accept, lines_of
from doingoai.reporting.workflow import workflow
from doingoai.rules.workflow import transition_view, workflow_context


def _may_edit(user, submission) -> bool:
    return (submission.status in Submission.EDITABLE
            and is_reporter_of(user, submission.organisation_id))


def _initial(submission, prefill=None):
    initial = {"nothing_this_period": submission.nothing_this_period, "note": submission.note}
    for figure in submission.figures.all():
        # 26, not the column's 26,0000
        initial[f"value_{figure.indicator_id}"] = (
            None if figure.value is None else normalise_decimal(figure.value))
        initial[f"note_{figure.indicator_id}"] = figure.note
    for code, (value, quote) in (prefill or {}).items():
        initial[f"value_{code}"] = value
        initial[f"note_{code}"] = _("read from the report: “%(quote)s”") % {"quote": quote[:200]}
    return initial


def _save_figures(submission, form, quotes=None):
    submission.nothing_this_period = form.cleaned_data["nothing_this_period"]
    submission.note = form.cleaned_data["note"]
    submission.save()
    for indicator in form.indicators:
        value = form.cleaned_data.get(f"value_{indicator.code}")
        note = form.cleaned_data.get(f"note_{indicator.code}", "")
        figure = submission.figures.filter(indicator=indicator).first()
        if figure is None and value is None and not note:
            continue
        figure = figure or SubmittedFigure(submission=submission, indicator=indicator)
        figure.value, figure.note = value, note
        if quotes and indicator.code in quotes:
            figure.quote = quotes[indicator.code]
        figure.save()


def read_report(upload) -> tuple[str, dict]:
    """The text of an uploaded report and, per indicator, the first figure the extractor
    finds in it: {code: (value, quote)}."""
    text = read_bytes(upload.name, upload.read())
    found = {}
    for figure in extract(text):
        found.setdefault(figure.indicator, (figure.value, figure.text))
    return text, found


@login_required
def submission(request, pk):
    record = get_submission_for_user(request, pk)
    round_ = record.round
    indicators = list(round_.indicators.all())
    editable = _may_edit(request.user, record)
    status = 200
    form = FiguresForm(initial=_initial(record), indicators=indicators)
    upload = UploadForm()
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if str(record.version) != request.POST.get("version"):
            messages.error(request, stale_message())
            return redirect("reporting:submission", pk)
        if "upload" in request.POST:
            upload = UploadForm(request.POST, request.FILES)
            if upload.is_valid():
                try:
                    text, found = read_report(upload.cleaned_data["document"])
                except DocumentError as error:
                    upload.add_error("document", _("The report could not be read: %(why)s")
                                     % {"why": error.vi})
                    status = 400
                else:
                    asked = {i.code for i in indicators}
                    prefill = {code: hit for code, hit in found.items() if code in asked}
                    with transaction.atomic():
                        record.claim()
                        upload.cleaned_data["document"].seek(0)
                        record.document = upload.cleaned_data["document"]
                        record.document_text = text
                        record._change_reason = _("Report uploaded")
                        record.save()
                    messages.info(request, _(
                        "%(count)s figures were read from the report. Check each one, correct "
                        "it if needed, then save.") % {"count": len(prefill)})
                    form = FiguresForm(initial=_initial(record, prefill), indicators=indicators)
            else:
                status = 400
        else:
            form = FiguresForm(request.POST, initial=_initial(record), indicators=indicators)
            if form.is_valid():
                try:
                    with transaction.atomic():
                        record.claim()
                        _save_figures(record, form)
                except RecordChanged:
                    messages.error(request, stale_message())
                    return redirect("reporting:submission", pk)
                messages.success(request, _("Saved."))
                return redirect("reporting:submission", pk)
            status = 400
    ctx = {
        "record": record, "round": round_, "form": form, "upload": upload,
        "editable": editable, "overdue": record.is_overdue(),
        "figures": list(record.figures.select_related("indicator")),
        **workflow_context(request, record, workflow, "reporting:submission-step"),
    }
    return render(request, "reporting/submission.html", ctx, status=status)


@login_required
def submission_step(request, pk, step):
    record = get_submission_for_user(request, pk)
    return transition_view(request, record, workflow, step,
                           reverse("reporting:submission", args=[pk]))


@login_required
@require_POST
def accept_result(request, pk):
    round_ = get_round_for_user(request, pk)
    if not (is_leader(request.user) and can_write_record(request.user, round_)):
        raise PermissionDenied
    if round_.status != round_.Status.OPEN:
        messages.error(request, _("This round's result has been accepted already."))
        return redirect("reporting:round-detail", pk)
    submissions = round_.submissions.select_related("organisation").prefetch_related("figures")
    try:
        written = accept(round_, request.user, lines_of(round_, list(submissions)))
    except RecordChanged:
        messages.error(request, stale_message())
        return redirect("reporting:round-detail", pk)
    messages.success(request, _("Result accepted: %(count)s figures are now the province's "
                                "reported figures for %(period)s.") % {
        "count": written, "period": round_.period})
    return redirect("reporting:round-detail", pk)


@login_required
def submission_document(request, pk):
    """The unit's uploaded report, after the submission's own access check."""
    from django.http import FileResponse, Http404

    record = get_submission_for_user(request, pk)
    if not record.document:
        raise Http404
    return FileResponse(record.document.open("rb"), as_attachment=True,
                        filename=record.document.name.rsplit("/", 1)[-1])
