"""A paginator that stops counting at ``BOUND`` rows (issue 15): a list page of a register of
a million rows does not count them all to say "Page 1 of 40,000". Beyond the bound the page
says "more than 10,000 records" and "Page n", and "Next" is offered while a page is full."""

from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

BOUND = 10_000


class BoundedPage(Page):
    more = False

    def has_next(self):
        if self.paginator.bounded:
            return self.more
        return super().has_next()


class BoundedPaginator(Paginator):
    @property
    def bound(self) -> int:
        return BOUND

    @cached_property
    def count(self) -> int:
        """The number of rows, counted up to one past the bound."""
        return self.object_list.order_by().values("pk")[:self.bound + 1].count()

    @property
    def bounded(self) -> bool:
        return self.count > self.bound

    def validate_number(self, number):
        if not self.bounded:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        if not self.bounded:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom:bottom + self.per_page + 1])
        page = self._get_page(rows[:self.per_page], number, self)
        page.more = len(rows) > self.per_page
        return page

    def _get_page(self, *args, **kwargs):
        return BoundedPage(*args, **kwargs)
