import functools

from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_urlconf, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The side menu's own links, above and below the registers: (label, URL name). Who sees a
# link is not written here: ``may_open`` asks the view behind it.
MENU_TOP = (
    (_("Home"), "core:home"),
    (_("Reports"), "reports:report"),
    (_("Report documents"), "reports:document-list"),
    (_("Dashboard"), "reports:dashboard"),
    (_("Calendar"), "notifications:calendar"),
    (_("Notifications"), "notifications:notification-list"),
    (_("Read figures from a document"), "figures:document-new"),
)
MENU_BOTTOM = (
    (_("Rules and deadlines"), "rules:rule-list"),
    (_("Personal data access log"), "privacy:access-log"),
    (_("Reference data"), "core:reference"),
    (_("Django admin"), "admin:index"),
)


def may_open(request, url: str) -> bool:
    """Whether the view behind ``url`` lets ``request.user`` in: the check the view itself
    enforces (``core.access.allowed_if``), or the admin site's own for the admin."""
    if url.startswith(_url_of(get_urlconf(), "admin:index")):
        return admin.site.has_permission(request)
    check = _check_of(get_urlconf(), url)
    return check is None or check(request.user)


# The URLs and their views' checks are the same for every request of a URLconf: found once
# per process, not by resolving some fifty URLs on each page (issue 15). The check itself
# still runs for each request's user.
@functools.cache
def _url_of(urlconf, name: str) -> str:
    return reverse(name, urlconf=urlconf)


@functools.cache
def _check_of(urlconf, url: str):
    return getattr(resolve(url, urlconf=urlconf).func, "access_check", None)


def _links(request, entries):
    links = []
    for label, name in entries:
        url = _url_of(get_urlconf(), name)
        if may_open(request, url):
            links.append((label, url))
    return links


def navigation(request):
    """The sidebar: the general pages the user may open, then every record type's list,
    grouped by the app (area of the work) that holds it, in the order the apps are
    installed."""
    from doingoai.core.records import REGISTRY

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    groups: dict[str, list] = {}
    for rt in REGISTRY:
        try:
            url = _url_of(get_urlconf(), rt.url_name("list"))
        except NoReverseMatch:
            continue
        if not may_open(request, url):
            continue
        area = rt.model._meta.app_config.verbose_name
        groups.setdefault(area, []).append((rt.verbose_name_plural, url))
    menu = {"nav_groups": list(groups.items()), "menu_top": _links(request, MENU_TOP),
            "menu_bottom": _links(request, MENU_BOTTOM)}
    return {**menu, "sidenav": SimpleLazyObject(lambda: sidenav(request.path, menu))}


def sidenav(path: str, menu: dict) -> str:
    """The side menu's HTML (``core/_sidenav.html``) for these links on the page at ``path``."""
    links = (
        tuple((str(label), url) for label, url in menu["menu_top"]),
        tuple((str(area), tuple((str(label), url) for label, url in items))
              for area, items in menu["nav_groups"]),
        tuple((str(label), url) for label, url in menu["menu_bottom"]),
    )
    return _sidenav(get_language(), path, links)


# The menu's HTML depends on nothing but its links (already checked for the user), the
# language and the page's path, all in the key: rendered once per process (issue 15).
@functools.lru_cache(maxsize=1024)
def _sidenav(language: str, path: str, links: tuple) -> str:
    top, groups, bottom = links
    return render_to_string("core/_sidenav.html", {
        "menu_top": top, "nav_groups": groups, "menu_bottom": bottom, "path": path})
