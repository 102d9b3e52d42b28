"""Numbers of the office's outgoing documents (invitation letters, visa requests,
congratulation letters): one counter per province, year and symbol, taken under a row lock.

This is the one place that allocates a number in this app. Another branch writes
``doingoai.correspondence.numbering.allocate(province, year, symbol)`` for every outgoing
document of the office; when it is merged, this function should call it instead."""

from django.db import IntegrityError, transaction

from doingoai.protocol.models import DocumentCounter


def allocate(province, year: int, symbol: str) -> int:
    """The next number of ``symbol`` (e.g. "TM-SNgV") for ``province`` in ``year``.

    The counter row is locked (``select_for_update``; SQLite's IMMEDIATE transactions lock the
    database), so two documents saved at once never get the same number."""
    with transaction.atomic():
        counter = DocumentCounter.objects.select_for_update().filter(
            province=province, year=year, symbol=symbol).first()
        if counter is None:
            try:
                with transaction.atomic():
                    counter = DocumentCounter.objects.create(
                        province=province, year=year, symbol=symbol, last=0)
            except IntegrityError:  # created by a concurrent request meanwhile
                counter = DocumentCounter.objects.select_for_update().get(
                    province=province, year=year, symbol=symbol)
        counter.last += 1
        counter.save(update_fields=["last"])
        return counter.last
