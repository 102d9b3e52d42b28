"""Pages to turn a document's prose into reviewed figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.accounts.scope import (
    can_write,
    can_write_record,
    home_province,
    readable_unit_ids,
)
from doingoai.core.access import allowed_if
from doingoai.figures import review
from doingoai.figures.access import get_source_for_user
from doingoai.figures.forms import CandidateForm, DocumentForm
from doingoai.figures.models import Candidate
from doingoai.partners.models import Partner


def get_candidate_for_user(request, pk, *, write=False):
    """A candidate is reached through its document, so it has the document's access."""
    candidate = get_object_or_404(Candidate.objects.select_related("source"), pk=pk)
    get_source_for_user(request, candidate.source_id, write=write)
    return candidate


@login_required
@allowed_if(can_write)
def document_new(request):
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        try:
            if upload is not None:
                text = review.text_of_upload(upload.name, upload.read())
                upload.seek(0)
            else:
                text = data["text"]
        except review.UnreadableDocument as exc:
            form.add_error("file", str(exc))
        else:
            document, created = review.add_document(
                owner=home_province(request.user),
                user=request.user,
                title=data["title"],
                text=text,
                file=upload,
                file_name=upload.name if upload else "",
                url=data.get("url", ""),
                published_on=data.get("published_on"),
            )
            if not created:
                messages.info(request, _("This document was already uploaded: here it is."))
            return redirect("figures:document-review", document.pk)
    return render(
        request, "figures/document_new.html", {"form": form}, status=400 if form.errors else 200
    )


def highlighted(document, candidates):
    """The document's text with every candidate's words marked, escaped piece by piece."""
    pieces = []
    position = 0
    for candidate in sorted(candidates, key=lambda c: c.start):
        if candidate.start < position:
            continue
        pieces.append(escape(document.text[position : candidate.start]))
        pieces.append(marked(document, candidate))
        position = candidate.end
    pieces.append(escape(document.text[position:]))
    return mark_safe("".join(pieces))


def marked(document, candidate, *, oob=False):
    """One candidate's words in a <mark> whose class tells its status.

    With oob, the mark carries hx-swap-oob so an htmx answer replaces the one in the text.
    """
    swap = ' hx-swap-oob="outerHTML"' if oob else ""
    return mark_safe(
        f'<mark id="c{candidate.pk}" class="fig-{candidate.status}" '
        f'title="{escape(candidate.indicator_id)}"{swap}>'
        f"{escape(document.text[candidate.start : candidate.end])}</mark>"
    )


@login_required
def document_review(request, pk):
    document = get_source_for_user(request, pk)
    candidates = list(document.candidates.select_related("indicator", "figure"))
    partners = Partner.objects.visible_to(request.user).filter(owner=document.owner)
    known, unknown = review.partners_named(document, partners)
    ctx = {
        "document": document,
        "candidates": [(c, CandidateForm(instance=c, prefix=f"c{c.pk}")) for c in candidates],
        "text": highlighted(document, candidates),
        "known_partners": known,
        "unknown_partners": unknown,
        "can_review": can_write_record(request.user, document),
        "pending": sum(c.status == Candidate.Status.PENDING for c in candidates),
    }
    return render(request, "figures/document_review.html", ctx)


@login_required
def document_annotations(request, pk):
    """The reviewed figures as annotation lines in the corpus format, to improve the rules."""
    document = get_source_for_user(request, pk)
    response = HttpResponse(
        review.annotation_lines(document), content_type="application/x-ndjson; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="annotations-{document.pk}.jsonl"'
    return response


@login_required
@require_POST
def candidate_decide(request, pk):
    candidate = get_candidate_for_user(request, pk, write=True)
    action = request.POST.get("action")
    if action == "reject":
        review.reject(candidate)
    elif action == "accept":
        form = CandidateForm(request.POST, instance=candidate, prefix=f"c{candidate.pk}")
        if not form.is_valid():
            return render(
                request,
                "figures/_candidate.html",
                {"candidate": candidate, "form": form, "can_review": True},
                status=400,
            )
        try:
            review.accept(form.save(commit=False), request.user, readable_unit_ids(request.user))
        except ValidationError as exc:
            form.add_error(None, exc)
            return render(
                request,
                "figures/_candidate.html",
                {"candidate": candidate, "form": form, "can_review": True},
                status=400,
            )
    else:
        raise PermissionDenied
    candidate.refresh_from_db()
    if request.htmx:
        document = candidate.source
        form = CandidateForm(instance=candidate, prefix=f"c{candidate.pk}")
        return render(
            request,
            "figures/_candidate.html",
            {
                "candidate": candidate,
                "form": form,
                "can_review": True,
                "oob": True,
                "mark": marked(document, candidate, oob=True),
                "pending": document.candidates.filter(status=Candidate.Status.PENDING).count(),
            },
        )
    return redirect("figures:document-review", candidate.source_id)


@login_required
@require_POST
def document_accept_all(request, pk):
    document = get_source_for_user(request, pk, write=True)
    try:
        count = review.accept_all(document, request.user, readable_unit_ids(request.user))
    except review.AcceptAllRefused as refused:
        rows = "; ".join(
            _("“%(quote)s” (%(indicator)s): %(reason)s") % {
                "quote": document.text[c.start:c.end], "indicator": c.indicator,
                "reason": reason}
            for c, reason in refused.problems
        )
        messages.error(request, _(
            "Nothing was accepted: correct or reject these figures first, then accept all "
            "again. %(rows)s") % {"rows": rows})
        return redirect("figures:document-review", document.pk)
    messages.success(request, _("%(n)d figures accepted.") % {"n": count})
    return redirect("figures:document-review", document.pk)
