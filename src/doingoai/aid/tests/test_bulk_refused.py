"""A row the database refuses in a bulk insert (lib/bulk.py) raises Django's own error on
both databases, as the IATI import's batches catch ``DatabaseError`` to fall back to saving
one activity at a time; on PostgreSQL the rows go through a raw psycopg ``COPY``, whose
errors are not Django's unless wrapped."""

import pytest
from django.db import IntegrityError, transaction

from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.lib import bulk


def test_a_row_the_database_refuses_raises_djangos_integrity_error(ha_giang, hg_specialist):
    programme = AidProgramme.objects.create(owner=ha_giang, kind="ngo", title="Roads")
    refused = AidTransaction(programme=programme, kind="commitment", amount="10", currency_id="USD")
    refused.on = None  # NOT NULL
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk.insert([refused], AidTransaction, user=hg_specialist)
    assert not AidTransaction.objects.filter(programme=programme).exists()
    assert not AidTransaction.history.filter(programme_id=programme.pk).exists()
