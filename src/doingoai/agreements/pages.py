from doingoai.agreements.access import get_agreement_for_user
from doingoai.agreements.models import Agreement, ImplementationNote
from doingoai.core.records import Inline, RecordType

agreements = RecordType(
    model=Agreement,
    namespace="agreements",
    slug="agreement",
    fields=["kind", "title", "number", "level", "our_signatory", "partners", "sectors", "status",
            "signed_on", "effective_on", "expires_on", "summary", "document"],
    list_columns=["title", "kind", "status", "signed_on", "expires_on"],
    filters=["kind", "status", "level"],
    inlines=[Inline(ImplementationNote, "agreement", ["year", "text"])],
    access=get_agreement_for_user,
)
