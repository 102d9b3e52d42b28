from django.urls import NoReverseMatch


def navigation(request):
    from doingoai.core.records import REGISTRY

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    items = []
    for rt in REGISTRY:
        try:
            items.append((rt.verbose_name_plural, rt.reverse("list")))
        except NoReverseMatch:
            continue
    return {"nav_items": items}
