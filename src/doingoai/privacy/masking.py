"""How personal data looks to a user without the personal-data grant: the one helper every page,
export, API answer and history entry masks through (Decree 13/2023/NĐ-CP; Law 91/2025/QH15).

A model lists its personal fields in ``PERSONAL_FIELDS`` (masked out of recognition, left out
of edit forms, erased past retention) and the names of the people in it in ``NAME_FIELDS``:
a name is masked to its family name and initials ("Nguyễn V. A."), enough for an official to
tell two people apart on a list, not to name them. Names are not erased past retention: the
record still stands for someone. A register whose names alone tell the circumstances (a
consular case's persons) lists them in ``PERSONAL_FIELDS`` instead, masked entirely.
"""

MASK = "•••••"


def mask(value) -> str:
    """``B1234567`` → ``B12•••••``: enough to tell two records apart on a page, not enough to
    use the number. Short values and non-text values are masked entirely."""
    text = "" if value is None else str(value)
    if not text:
        return ""
    if isinstance(value, str) and len(text) > 5:
        return text[:3] + MASK
    return MASK


def mask_name(value) -> str:
    """``Nguyễn Văn An`` → ``Nguyễn V. A.``; ``John Smith`` → ``John S.``: the first word and
    the initials of the others (the family name comes first in a Vietnamese name)."""
    words = str(value or "").split()
    if not words:
        return ""
    return " ".join([words[0], *(f"{word[0]}." for word in words[1:])])


def personal_fields_of(model) -> tuple[str, ...]:
    return tuple(getattr(model, "PERSONAL_FIELDS", ()))


def name_fields_of(model) -> tuple[str, ...]:
    return tuple(getattr(model, "NAME_FIELDS", ()))


def masked_fields_of(model) -> tuple[str, ...]:
    """Everything a user without the grant sees masked on ``model``."""
    return personal_fields_of(model) + name_fields_of(model)


def masked(model, name: str, value) -> str:
    """``value`` of the field ``name`` of ``model`` as a user without the grant sees it. A name
    field may be a link to a record naming the person (a handout's passport): its title."""
    if name not in name_fields_of(model):
        return mask(value)
    if hasattr(value, "_meta"):
        return _masked_text(str(value), value)
    return mask_name(value)


def masked_title(record, user) -> str:
    """``str(record)`` (a page's title, a link's text), its people's names masked for a user
    without the grant."""
    from doingoai.accounts.scope import can_see_personal_data

    if not name_fields_of(type(record)) or can_see_personal_data(user):
        return str(record)
    return _masked_text(str(record), record)


def _masked_text(text: str, record) -> str:
    for name in _names_in(record):
        text = text.replace(name, mask_name(name))
    return text


def _names_in(record, depth=2) -> list[str]:
    """The people's names ``record`` holds, through its name fields that link to another
    record too, longest first (so that a name inside another is not masked half-way)."""
    names = []
    for field in name_fields_of(type(record)):
        value = getattr(record, field, None)
        if hasattr(value, "_meta"):
            names += _names_in(value, depth - 1) if depth > 1 else []
        elif value:
            names.append(str(value))
    return sorted(set(names), key=len, reverse=True)
