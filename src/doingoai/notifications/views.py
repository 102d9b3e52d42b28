from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from doingoai.notifications.models import Notification


@login_required
def notification_list(request):
    notifications = Notification.objects.filter(user=request.user)[:200]
    return render(request, "notifications/notification_list.html",
                  {"notifications": notifications})


@login_required
@require_POST
def mark_read(request):
    Notification.objects.filter(user=request.user).unread().update(read_at=timezone.now())
    return redirect("notifications:notification-list")
