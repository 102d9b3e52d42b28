"""Vietnamese alphabetical order, the same in Python, on SQLite and on PostgreSQL.

Code-point order puts "Áo", "Ấn Độ" and "Ô-xtrây-li-a" after "Y-ê-men" and "Huế" before
"Hà Nội". The Vietnamese alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
each of ă â đ ê ô ơ ư a letter of its own, and the tones (huyền, hỏi, ngã, sắc, nặng, in that
order) only break ties between words otherwise equal. This is CLDR's Vietnamese collation,
which PostgreSQL has as the ICU collation ``vi-x-icu``; in Python and on SQLite it is the
Unicode Collation Algorithm (``pyuca``) tailored below to the same order.

Order a query with ``vietnamese_order(model, ["name"])`` (lists, exports, drop-downs) or
``Vietnamese("name")`` in an ``order_by``/``Meta.ordering``; sort Python values with
``sort_key``.
"""

import functools
import unicodedata

import pyuca
from django.db import models
from django.db.backends.signals import connection_created
from django.dispatch import receiver

SQLITE_COLLATION = "vietnamese"
POSTGRESQL_COLLATION = "vi-x-icu"

_collator = pyuca.Collator()

# The marks that make a letter of its own (breve, circumflex, horn) and đ: the letter is its
# base followed by a character whose primary weight in the UCA table falls after every Latin
# letter (þ < ƿ), so that "ăn" sorts after "az" and before "b", and ă before â, ô before ơ.
_AFTER_Z = {"\u0306": "þ", "\u031b": "ƿ"}  # ă; ơ ư
_CIRCUMFLEX = "\u0302"  # â ê ô: after ă on a, the first letter after the base on e and o
_STROKE = {"đ": "dþ", "Đ": "Dþ"}

# The tones, in the order of Vietnamese dictionaries, as marks whose secondary weights in the
# UCA table rise in that order.
_TONES = {"\u0300": "\u0301", "\u0309": "\u0300", "\u0303": "\u0306",
          "\u0301": "\u0302", "\u0323": "\u030c"}


def _tailored(text: str) -> str:
    out = []
    letter, marks = "", []

    def flush():
        if not letter:
            return
        tone = [m for m in marks if m in _TONES]
        shape = [m for m in marks if m not in _TONES]
        base = letter
        extra = ""
        for mark in shape:
            if mark == _CIRCUMFLEX:
                extra += "ƿ" if base in "aA" else "þ"
            elif mark in _AFTER_Z:
                extra += _AFTER_Z[mark]
            else:
                base += mark  # another language's accent: the UCA's own order
        out.append(base + extra + "".join(_TONES[m] for m in tone))

    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and letter:
            marks.append(char)
            continue
        flush()
        letter, marks = _STROKE.get(char, char), []
    flush()
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def sort_key(text) -> tuple:
    """The key that sorts ``text`` in Vietnamese alphabetical order (``sorted(names,
    key=sort_key)``); ``None`` sorts as the empty text."""
    return _collator.sort_key(_tailored("" if text is None else str(text)))


def compare(a, b) -> int:
    key_a, key_b = sort_key(a), sort_key(b)
    return (key_a > key_b) - (key_a < key_b)


@receiver(connection_created)
def _register_sqlite_collation(sender, connection, **kwargs):
    """SQLite knows only binary order: give every new connection the Vietnamese one."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, compare)


class Vietnamese(models.Func):
    """A text expression compared in Vietnamese order: ``order_by(Vietnamese("name"))``.
    Other databases than SQLite and PostgreSQL keep their own order."""

    template = "%(expressions)s"
    arity = 1

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection,
                           template=f"%(expressions)s COLLATE {SQLITE_COLLATION}",
                           **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection,
                           template=f'%(expressions)s COLLATE "{POSTGRESQL_COLLATION}"',
                           **extra_context)


def _is_text(model, name: str) -> bool:
    opts = model._meta
    parts = name.split("__")
    for i, part in enumerate(parts):
        try:
            field = opts.get_field(part)
        except Exception:
            return False
        if field.is_relation:
            if i == len(parts) - 1:
                return False  # the related model's own ordering applies
            opts = field.related_model._meta
            continue
        return i == len(parts) - 1 and isinstance(field, (models.CharField, models.TextField)) \
            and not field.choices
    return False


def vietnamese_order(model, ordering) -> list:
    """``ordering`` (names as in ``order_by``, "-" for descending, or expressions) with its
    text fields in Vietnamese order: the one ordering of lists, exports and drop-downs."""
    result = []
    for item in ordering:
        if isinstance(item, str) and item != "?":
            name = item.lstrip("-")
            if _is_text(model, name):
                expression = Vietnamese(models.F(name))
                result.append(expression.desc() if item.startswith("-") else expression.asc())
                continue
        result.append(item)
    return result
