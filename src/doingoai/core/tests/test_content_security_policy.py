"""Content-Security-Policy (issue 13 item 8): every page the menu leads to, and the pages of
every register, answer with a policy that allows scripts only from the site's own files, and
carry no inline script and no inline event handler that such a policy would block."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from doingoai.core.records import REGISTRY

pytestmark = pytest.mark.django_db

SKIP = ("/accounts/logout", "/static/", "/media/", "?export=", "/admin/logout")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.inline_scripts, self.handlers = set(), [], []
        self._in_inline = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and (attrs.get("href") or "").startswith("/"):
            self.links.add(attrs["href"].split("#")[0])
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            self.inline_scripts.append(self.getpos())
        self.handlers += [name for name in attrs if re.fullmatch(r"on[a-z]+", name)]
        self.handlers += [name for name, value in attrs.items()
                          if (value or "").strip().lower().startswith("javascript:")]


def _policy(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def _check(response, url):
    assert response.status_code == 200, (url, response.status_code)
    policy = _policy(response)
    assert policy.get("script-src") == ["'self'"], (url, policy)
    assert policy.get("object-src") == ["'none'"], (url, policy)
    assert policy.get("frame-ancestors") == ["'none'"], (url, policy)
    page = _Page()
    page.feed(response.content.decode())
    assert page.inline_scripts == [], (url, page.inline_scripts)
    assert page.handlers == [], (url, page.handlers)
    return page


def _walk(client, start):
    seen, queue, opened = set(), list(start), 0
    while queue:
        url = queue.pop(0)
        if url in seen or any(part in url for part in SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (302, 403, 404, 405) or "html" not in response.get(
                "Content-Type", ""):
            continue
        page = _check(response, url)
        opened += 1
        if url == start[0]:
            queue += sorted(page.links)  # the menu: one level from the home page
    return opened


def test_every_menu_page_and_register_page_has_the_policy_and_no_inline_script(
    hg_client, hg_specialist
):
    start = [reverse("core:home")]
    for rt in REGISTRY:
        start += [rt.reverse("list"), rt.reverse("create")]
    start += [reverse("aid:iati-import")]
    assert _walk(hg_client, start) > 40


def test_the_log_in_page_and_the_admin_have_the_policy(client, admin_user):
    _check(client.get(reverse("accounts:login")), "login")
    client.force_login(admin_user)
    assert _walk(client, [reverse("admin:index")]) > 10


def test_the_import_page_draws_its_progress_bar_from_a_static_file(hg_client):
    page = hg_client.get(reverse("aid:iati-import")).content.decode()
    assert "aid/iati_import.js" in page
