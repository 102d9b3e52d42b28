from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.consultations.access import get_consultation_for_user
from doingoai.consultations.synthesis import make_synthesis
from doingoai.correspondence.pages import documents


@login_required
@require_POST
def synthesis(request, pk):
    """Make the synthesis of the replies (tổng hợp ý kiến) as a draft document."""
    consultation = get_consultation_for_user(request, pk, write=True)
    document = make_synthesis(consultation, request.user)
    messages.success(request, _("The synthesis of the opinions is kept as a draft document: "
                                "edit it, then issue it."))
    return redirect(documents.reverse("detail", document.pk))
