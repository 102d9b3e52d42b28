from doingoai.core.records import RecordType
from doingoai.signatures.access import get_specimen_for_user
from doingoai.signatures.models import Specimen


def specimen_context(request, record):
    older = record.supersedes.all()
    return {"older_specimens": older}


specimens = RecordType(
    model=Specimen,
    namespace="signatures",
    slug="specimen",
    fields=["kind", "person", "title", "agency", "specimen", "valid_from", "valid_to",
            "superseded_by", "notes"],
    list_columns=["person", "kind", "title", "agency", "valid_from", "valid_to",
                  "superseded_by"],
    filters=["kind"],
    select_related=["superseded_by"],
    access=get_specimen_for_user,
    extra_context=specimen_context,
)
