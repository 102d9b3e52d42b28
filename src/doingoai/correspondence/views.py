from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.core.models import RecordChanged
from doingoai.core.records import all_valid
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
            DocumentLink.attach(document, record, form.cleaned_data["role"])
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


@login_required
def new_delegation(request, pk):
    """The delegation's create form opened from a document (an incoming request): on save
    the new delegation is linked to the document as its request, in the same transaction.
    A plain view beside the delegation's pages: the same form, the same ``save_new``."""
    from doingoai.accounts.scope import can_create
    from doingoai.delegations.models import Delegation
    from doingoai.delegations.pages import delegations

    document = get_document_for_user(request, pk, write=True)
    if not can_create(request.user, Delegation):
        raise PermissionDenied
    form = delegations.build_form(request)
    formsets = delegations.build_inlines(request, form.instance)
    reference = document.reference or document.get_kind_display()
    if request.method == "POST" and all_valid(form, formsets):
        try:
            with transaction.atomic():
                delegation = delegations.save_new(request, form, formsets)
                DocumentLink.attach(document, delegation, DocumentLink.Role.REQUEST)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("The delegation is linked to the document "
                                        "%(reference)s as its request.")
                             % {"reference": reference})
            return redirect(delegations.reverse("detail", delegation.pk))
    elif request.method != "POST":
        form.initial.setdefault("purpose", document.summary)
        messages.info(request, _("This delegation is created from the document %(reference)s: "
                                 "it will be linked as its request.")
                      % {"reference": reference})
    ctx = delegations.form_context(request, form, formsets, record=None)
    return render(request, delegations.templates("form"), ctx,
                  status=400 if ctx["invalid"] else 200)
