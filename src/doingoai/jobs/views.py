from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from doingoai.jobs.models import Job


def get_job_for_user(user, pk) -> Job:
    """A job for its owner; 404 for anyone else, whatever their province or role."""
    return get_object_or_404(Job.objects.visible_to(user), pk=pk)


@login_required
def job_detail(request, pk):
    job = get_job_for_user(request.user, pk)
    return render(request, "jobs/job_detail.html", {"job": job})
