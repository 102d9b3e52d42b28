# The list search over search_text through an FTS5 trigram index kept by triggers, on SQLite
# only; PostgreSQL has the pg_trgm index of 0004 (issue 15).

from django.db import migrations

from doingoai.lib.fts import fts_index


class Migration(migrations.Migration):

    dependencies = [
        ('delegations', '0007_outside_plan_approval'),
    ]

    operations = [
        fts_index("delegations", "delegation"),
    ]
