"""Every URL pattern of the project, opened by an anonymous visitor: nothing but the public
pages answers with content, and nothing fails. A new page that forgets its login check
fails here without anyone having to remember to add it."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Pages meant for anyone: the login form and the forgotten-password pages, the language switch,
# the Django admin's own login, and static files. (The API's schema and docs need a login or a
# token, as the rest of the API.)
PUBLIC = re.compile(
    r"^/(accounts/login/|accounts/password/reset/|i18n/|admin/login/|"
    r"admin/logout/|static/|media/)"
)


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _concrete(route: str) -> str:
    """A URL for ``route`` with a sample value for each parameter."""
    route = re.sub(r"<int:[^>]+>", "1", route)
    route = re.sub(r"<(?:str|slug|path):[^>]+>", "x", route)
    route = re.sub(r"<[^>]+>", "x", route)
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    return "/" + route if not route.startswith("/") else route


def _routes():
    seen = set()
    for route in _walk(get_resolver().url_patterns):
        if "(?P" in route or "\\" in route.replace("\\Z", ""):
            continue  # the admin's regular-expression routes are covered by its login
        url = _concrete(route)
        if url not in seen:
            seen.add(url)
            yield url


@pytest.mark.parametrize("url", sorted(_routes()))
def test_an_anonymous_visitor_gets_nothing_from_any_page(client, db, url):
    response = client.get(url)
    if PUBLIC.match(url):
        assert response.status_code < 500
        return
    assert response.status_code in (301, 302, 401, 403, 404, 405), (url, response.status_code)
    if response.status_code in (301, 302):
        assert "login" in response["Location"], (url, response["Location"])
