# The list search's LIKE '%…%' over search_text through a pg_trgm GIN index, on PostgreSQL
# only (issue 15), as for delegations.

from django.db import migrations

from doingoai.lib.trigram import trigram_index


class Migration(migrations.Migration):

    dependencies = [
        ('aid', '0006_aid_organisation'),
    ]

    operations = [
        trigram_index("aid", "aidprogramme"),
    ]
