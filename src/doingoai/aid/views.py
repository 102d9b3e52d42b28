from django.contrib.auth.decorators import login_required
from django.urls import reverse

from doingoai.aid.access import get_programme_for_user
from doingoai.aid.workflow import workflow
from doingoai.rules.workflow import transition_view


@login_required
def transition(request, pk, step):
    programme = get_programme_for_user(request, pk)
    detail = reverse("aid:programme-detail", args=[pk])
    return transition_view(request, programme, workflow, step, detail)
