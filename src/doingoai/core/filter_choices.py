"""The list pages' filter fields, with the big choice lists (249 countries, the province's
bodies and partners) rendered once and kept in the cache (issue 15).

A choice field with nothing chosen renders the same for every user of the same scope in the
same language, so its HTML is cached under the scope (``readable_unit_ids``, ``unit_id_of``:
another province's user never gets it), the language and a generation of the models its
choices come from. Saving or deleting a row of such a model starts a new generation in this
process at once; another process's copy ends with ``TIMEOUT`` (each process has its own
cache unless CACHES names a shared one). A field with a value chosen is rendered as before.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from doingoai.accounts.scope import readable_unit_ids
from doingoai.organisations.scope import unit_id_of

TIMEOUT = 60  # seconds: how long another process may show a choice list without a new row
# This process's generation of each model's choices, and a name for the process: a shared
# cache holds every process's entries apart, so each process's changes show at once in it.
_generations: dict[str, int] = {}
PROCESS = secrets.token_hex(4)
# The HTML of the fields without records to choose from, by page, name, language and value;
# emptied when full (the values typed in a year box are many).
_plain: dict[tuple, str] = {}
PLAIN_LIMIT = 10_000


def _generation(label: str) -> int:
    return _generations.setdefault(label, 0)


def new_generation(sender, **_kwargs) -> None:
    label = sender._meta.label_lower
    if label in _generations:  # else no list of it is cached here
        _generations[label] += 1


post_save.connect(new_generation, dispatch_uid="doingoai-filter-choices-save")
post_delete.connect(new_generation, dispatch_uid="doingoai-filter-choices-delete")
m2m_changed.connect(new_generation, dispatch_uid="doingoai-filter-choices-m2m")


def scope_key(user) -> str:
    ids = readable_unit_ids(user)
    readable = "all" if ids is None else ",".join(str(i) for i in sorted(ids))
    return f"{readable}/{unit_id_of(user)}"


def form_key(page: str, request, sees_personal_data: bool) -> str:
    """The cache key of a list's whole filter form at this address: its values (the query
    string), the scope, the language and the generations of every model whose choices this
    process cached, so that the form has the same life as the choice lists in it."""
    generations = ",".join(f"{label}={n}" for label, n in sorted(_generations.items()))
    parts = [page, scope_key(request.user), str(sees_personal_data), get_language() or "",
             request.GET.urlencode(), generations]
    return f"filter-form:{PROCESS}:" + hashlib.sha1("\n".join(parts).encode()).hexdigest()


def _nothing_chosen(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _plain_field(page: str, bound) -> str:
    """A field whose choices are fixed in the code (a direction, a status, a year): its HTML
    depends only on the value chosen and the language, kept for the process's life."""
    value = bound.value()
    key = (page, bound.name, get_language(), tuple(value) if isinstance(value, list) else value)
    try:
        hash(key)
    except TypeError:
        return str(bound)
    html = _plain.get(key)
    if html is None:
        if len(_plain) >= PLAIN_LIMIT:
            _plain.clear()
        html = _plain[key] = str(bound)
    return mark_safe(html)  # noqa: S308 - the widget's own HTML


def filter_fields(filterset, user, page: str) -> list[tuple]:
    """(bound field, its HTML) for each field of ``filterset``'s form, as ``{{ field }}``
    renders it; a choice field of records with nothing chosen from the cache."""
    form = filterset.form
    scope = None
    fields = []
    for bound in form:
        queryset = getattr(bound.field, "queryset", None)
        if queryset is None and not bound.errors:
            fields.append((bound, _plain_field(page, bound)))
            continue
        if queryset is None or not _nothing_chosen(bound.value()) or bound.errors:
            fields.append((bound, str(bound)))
            continue
        if scope is None:
            scope = hashlib.sha1(scope_key(user).encode()).hexdigest()
        model = queryset.model
        label = model._meta.label_lower
        key = (f"filter-choices:{PROCESS}:{page}:{bound.name}:{get_language()}:{scope}:"
               f"{label}:{_generation(label)}")
        html = cache.get(key)
        if html is None:
            html = str(bound)
            cache.set(key, html, TIMEOUT)
        fields.append((bound, mark_safe(html)))  # noqa: S308 - the widget's own HTML
    return fields
