"""An integer outside its column's range in an ``__in`` lookup matches nothing, as Django's
own exact lookup already has it (``IntegerFieldOverflow``), instead of reaching the database:
SQLite refuses such a number with an OverflowError, a server error for a form (a page's or
the API's) whose list of ids came from a program."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type())
            self.rhs = [value for value in self.rhs if not isinstance(value, int) or (
                (low is None or value >= low) and (high is None or value <= high))]
        return super().process_rhs(compiler, connection)
