from django.contrib.auth.decorators import login_required
from django.urls import reverse

from doingoai.agreements.access import get_agreement_for_user
from doingoai.agreements.workflow import workflow
from doingoai.rules.workflow import transition_view


@login_required
def transition(request, pk, step):
    agreement = get_agreement_for_user(request, pk)
    detail = reverse("agreements:agreement-detail", args=[pk])
    return transition_view(request, agreement, workflow, step, detail)
