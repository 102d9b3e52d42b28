from django.contrib.auth.decorators import login_required
from django.db import models
from django.shortcuts import render

from doingoai.accounts.scope import home_province, is_leader, readable_unit_ids
from doingoai.core.models import AdminUnit, Country, Currency, ExchangeRate, Sector
from doingoai.core.records import REGISTRY


@login_required
def home(request):
    """The morning page: what awaits my approval (leaders), what is overdue, what falls due
    in the next 30 days, the visits and events coming up, then the registers."""
    from doingoai.notifications.agenda import build_agenda
    from doingoai.notifications.models import Notification

    counts = []
    for rt in REGISTRY:
        counts.append((rt, rt.model.objects.visible_to(request.user).count()))
    province = home_province(request.user)
    return render(request, "core/home.html", {
        "counts": counts, "province": province, "agenda": build_agenda(request.user),
        "is_leader": is_leader(request.user),
        # A user who reads several provinces needs to know whose each item is.
        "show_province": readable_unit_ids(request.user) is None
        or len(readable_unit_ids(request.user)) > 1,
        "unread": Notification.objects.filter(user=request.user).unread().count(),
    })


@login_required
def reference(request):
    unit_ids = readable_unit_ids(request.user)
    provinces = AdminUnit.objects.provinces().select_related("successor")
    ctx = {
        "provinces": provinces,
        "my_unit_ids": unit_ids,
        "countries": list(Country.objects.all()),
        "currencies": Currency.objects.all(),
        "rates": ExchangeRate.objects.select_related("currency")[:100],
        "sectors": Sector.objects.all(),
    }
    return render(request, "core/reference.html", ctx)


@login_required
def download(request, app_label, model_name, pk, field_name):
    """Serve an attachment after the record's own access check."""
    from django.http import FileResponse, Http404

    for rt in REGISTRY:
        meta = rt.model._meta
        if meta.app_label == app_label and meta.model_name == model_name:
            break
    else:
        raise Http404
    record = rt.get_for_user(request, pk)
    field_names = {f.name for f in rt.model._meta.get_fields()
                   if isinstance(f, models.FileField)}
    if field_name not in field_names or field_name not in (rt.detail_fields or rt.fields):
        raise Http404  # not a file of this record type (a name or a date is not a download)
    attached = getattr(record, field_name)
    if not attached:
        raise Http404
    return FileResponse(attached.open("rb"), as_attachment=True,
                        filename=attached.name.rsplit("/", 1)[-1])
