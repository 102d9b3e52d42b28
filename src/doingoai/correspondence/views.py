from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.core.models import RecordChanged
from doingoai.correspondence.access import get_document_for_user
from doingoai.correspondence.forms import LinkForm
from doingoai.correspondence.models import DocumentLink
from doingoai.correspondence.pages import documents


@login_required
@require_POST
def issue(request, pk):
    """Issue an outgoing draft: it takes the next number of its book."""
    document = get_document_for_user(request, pk, write=True)
    try:
        document.issue(request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except RecordChanged:
        messages.error(request, _("The document was changed or issued meanwhile: nothing was "
                                  "done. Here it is as it is now."))
    else:
        messages.success(request, _("Issued with the number %(reference)s.")
                         % {"reference": document.reference})
    return redirect(documents.reverse("detail", pk))


@login_required
@require_POST
def link(request, pk):
    """Link the document to a record the user reads (and may change the document)."""
    document = get_document_for_user(request, pk, write=True)
    form = LinkForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(error))
        return redirect(documents.reverse("detail", pk))
    record = form.cleaned_data["record"]
    try:
        with transaction.atomic():
            DocumentLink.objects.create(
                document=document, content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk, role=form.cleaned_data["role"])
    except IntegrityError:
        messages.error(request, _("The document is already linked to this record so."))
    else:
        messages.success(request, _("Linked."))
    return redirect(documents.reverse("detail", pk))


@login_required
@require_POST
def unlink(request, pk, link_pk):
    document = get_document_for_user(request, pk, write=True)
    get_object_or_404(DocumentLink, pk=link_pk, document=document).delete()
    messages.success(request, _("Link removed."))
    return redirect(documents.reverse("detail", pk))
