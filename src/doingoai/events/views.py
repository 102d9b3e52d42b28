from django.contrib.auth.decorators import login_required
from django.urls import reverse

from doingoai.events.access import get_event_for_user
from doingoai.events.workflow import workflow
from doingoai.rules.workflow import transition_view


@login_required
def transition(request, pk, step):
    event = get_event_for_user(request, pk)
    detail = reverse("events:event-detail", args=[pk])
    return transition_view(request, event, workflow, step, detail)
