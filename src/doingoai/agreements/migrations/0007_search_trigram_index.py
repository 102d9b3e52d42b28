# The list search's LIKE '%…%' over search_text through a pg_trgm GIN index, on PostgreSQL
# only (issue 15), as for delegations.

from django.db import migrations

from doingoai.lib.trigram import trigram_index


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0006_merge_0005_agreements_organisation_0005_yearly_review'),
    ]

    operations = [
        trigram_index("agreements", "agreement"),
    ]
