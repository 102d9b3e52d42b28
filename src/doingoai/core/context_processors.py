from django.urls import NoReverseMatch


def navigation(request):
    """The sidebar: every record type's list, grouped by the app (area of the work) that
    holds it, in the order the apps are installed."""
    from doingoai.core.records import REGISTRY

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    groups: dict[str, list] = {}
    for rt in REGISTRY:
        try:
            url = rt.reverse("list")
        except NoReverseMatch:
            continue
        area = rt.model._meta.app_config.verbose_name
        groups.setdefault(area, []).append((rt.verbose_name_plural, url))
    return {"nav_groups": list(groups.items())}
