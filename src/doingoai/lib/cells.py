"""Spreadsheet cells that cannot run: OWASP's advice on CSV (formula) injection.

A text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice (``=HYPERLINK(...)``, ``@SUM(...)``, DDE's ``=cmd|...``),
in a CSV as in an XLSX. Every CSV and XLSX writer passes its values through ``safe_cell``,
which puts a single quote in front of such a text so that it is shown, not evaluated.

Only text is changed: a number, a date or an empty cell is returned as it is, and so is a
text that is nothing but a number ("-3", "-1.234,5", "+84"), so that a negative figure in a
CSV still reads as a number.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d.,  ]*)(?:[eE][+-]?\d+)?%?")


def safe_cell(value):
    """``value``, with a leading single quote if it is a text a spreadsheet would run."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values):
    return [safe_cell(value) for value in values]


def unquote_cell(value):
    """The text before ``safe_cell``: a cell of an exported sheet read back by an import."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(
            FORMULA_STARTS):
        return value[1:]
    return value
