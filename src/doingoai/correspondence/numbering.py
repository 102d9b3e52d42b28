"""Document numbers: gapless and unique per issuing province, year and symbol (Decree
30/2020/NĐ-CP, Art. 15: numbered from 01 on 1 January, in one sequence per book).

``allocate`` runs inside the caller's transaction and locks the book's row until it ends, so
a number is given only if the document that takes it is saved: a rolled-back issue gives its
number back, and two documents issued at the same moment wait for each other."""

from django.db import IntegrityError, transaction

from doingoai.correspondence.models import NumberBook


def allocate(province, year: int, symbol: str) -> int:
    """The next number of ``province``'s book ``symbol`` for ``year``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate() must run inside the transaction that saves the number")
    books = NumberBook.objects.select_for_update()
    book = books.filter(province=province, year=year, symbol=symbol).first()
    if book is None:
        try:
            with transaction.atomic():  # a savepoint: a concurrent first number wins the row
                NumberBook.objects.create(province=province, year=year, symbol=symbol)
        except IntegrityError:
            pass
        book = books.get(province=province, year=year, symbol=symbol)
    book.last_number += 1
    book.save(update_fields=["last_number"])
    return book.last_number


def format_number(number: int | None, symbol: str) -> str:
    """"01/BC-SNV"; a document not yet numbered leaves the space for the number blank
    (" \xa0\xa0\xa0\xa0\xa0/BC-SNV", six spaces the line does not break at)."""
    if number is None:
        return "\xa0" * 5 + f"/{symbol}"
    return f"{number:02d}/{symbol}"
