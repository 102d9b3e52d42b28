"""Document numbers: one gapless sequence per issuing province, year and symbol, given only
inside the transaction that saves the document, unique even when documents are issued at
the same moment (the PostgreSQL test: 20 threads issue together)."""

import threading

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction

from doingoai.correspondence.models import NumberBook
from doingoai.correspondence.numbering import allocate, format_number


def take(province, year=2026, symbol="BC-SNV"):
    with transaction.atomic():
        return allocate(province, year, symbol)


def test_numbers_start_at_one_and_follow_each_other(tuyen_quang):
    assert [take(tuyen_quang) for _ in range(3)] == [1, 2, 3]


def test_each_year_and_symbol_has_its_own_book(tuyen_quang, bac_kan):
    take(tuyen_quang)
    assert take(tuyen_quang, year=2027) == 1
    assert take(tuyen_quang, symbol="KH-SNV") == 1
    assert take(bac_kan) == 1
    assert take(tuyen_quang) == 2


def test_a_rolled_back_issue_gives_its_number_back(tuyen_quang):
    take(tuyen_quang)
    with pytest.raises(RuntimeError), transaction.atomic():
        allocate(tuyen_quang, 2026, "BC-SNV")
        raise RuntimeError("the document could not be saved")
    assert take(tuyen_quang) == 2


def test_the_database_refuses_a_second_book_for_the_same_symbol_and_year(tuyen_quang):
    NumberBook.objects.create(province=tuyen_quang, year=2026, symbol="BC-SNV")
    with pytest.raises(IntegrityError), transaction.atomic():
        NumberBook.objects.create(province=tuyen_quang, year=2026, symbol="BC-SNV")


def test_a_number_is_written_with_two_digits_and_its_symbol():
    assert format_number(1, "BC-SNgV") == "01/BC-SNgV"
    assert format_number(123, "BC-SNV") == "123/BC-SNV"
    assert format_number(None, "BC-SNV") == "\xa0" * 5 + "/BC-SNV"


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="concurrent transactions need PostgreSQL (SQLite serialises every writer)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_documents_issued_at_the_same_moment_take_twenty_different_numbers(
        request, django_db_blocker):
    request.node.reload_migrated_data_with = django_db_blocker
    from doingoai.core.models import AdminUnit

    province = AdminUnit.objects.provinces().get(name="Tuyên Quang", generation="2025")
    count = 20
    barrier = threading.Barrier(count)
    numbers, errors = [], []

    def issue():
        try:
            barrier.wait()
            with transaction.atomic():
                numbers.append(allocate(province, 2030, "BC-SNV"))
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, count + 1))
    assert NumberBook.objects.get(province=province, year=2030).last_number == count
