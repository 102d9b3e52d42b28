"""Which places a user may see a report of: the provinces ``accounts.scope`` lets them read
(a province's users: their province and the provinces merged into it; the ministry: all)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from doingoai.accounts.scope import home_province, readable_unit_ids
from doingoai.core.models import AdminUnit
from doingoai.lib.collation import vietnamese_order


def readable_provinces(user):
    provinces = AdminUnit.objects.provinces()
    unit_ids = readable_unit_ids(user)
    if unit_ids is not None:
        provinces = provinces.filter(pk__in=unit_ids)
    return provinces.order_by(*vietnamese_order(AdminUnit, ["-generation", "name"]))


class UnknownPlace(LookupError):
    """A place asked for that is no province at all: a typo, or an id mangled on the way (the
    id 3357 printed as "3.357"). Said in words on the page; a province that exists but is not
    the user's is refused (403) instead."""

    def __init__(self, value: str):
        super().__init__(value)
        self.value = value

    @property
    def message(self) -> str:
        return _("No province or city matches “%(place)s”. Choose one from the list.") % {
            "place": self.value}


def get_places_for_user(request, place_ids) -> list[AdminUnit]:
    """The provinces ``place_ids`` (ids, names or official codes) if the user may read every
    one of them (403 otherwise); the user's own province when none is asked for. A value that
    names no province at all raises ``UnknownPlace``."""
    if not place_ids:
        home = home_province(request.user)
        if home is None:
            return []
        return [home]
    readable = readable_provinces(request.user)
    every_province = AdminUnit.objects.provinces()
    ids = []
    for value in place_ids:
        value = str(value).strip()
        if value.isdigit():
            if not every_province.filter(pk=int(value)).exists():
                raise UnknownPlace(value)
            ids.append(int(value))
            continue
        # A name (with or without diacritics) or official code, as the CLI takes it.
        found = readable.find(value).order_by("generation").first()
        if found is None:
            if not every_province.find(value).exists():
                raise UnknownPlace(value)
            raise PermissionDenied
        ids.append(found.pk)
    places = list(readable.filter(pk__in=ids))
    if len(places) != len(set(ids)):
        raise PermissionDenied
    return sorted(places, key=lambda p: ids.index(p.pk))


def get_coverage_province_for_user(user, place_id, *, write: bool = False) -> AdminUnit:
    """The province whose register coverage ``user`` asks for: one they may read (404
    otherwise: another province's declaration is not shown); to change it, they must be
    the leader of the office (403 otherwise)."""
    from django.http import Http404

    from doingoai.accounts.scope import is_leader

    provinces = readable_provinces(user)
    if place_id in (None, ""):
        home = home_province(user)
        if home is None:
            raise Http404
        place_id = home.pk
    province = provinces.filter(pk=place_id).first() if str(place_id).isdigit() else None
    if province is None:
        raise Http404
    if write and not (is_leader(user) and readable_unit_ids(user) is not None):
        raise PermissionDenied
    return province


def get_document_for_user(request, pk, *, write: bool = False):
    """A report document of a province the user reads (404 otherwise; 403 to change one
    they only read)."""
    from doingoai.core.access import get_record_for_user
    from doingoai.reports.models import ReportDocument

    return get_record_for_user(request, ReportDocument, pk, write=write)
