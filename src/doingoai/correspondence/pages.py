from doingoai.core.records import REGISTRY, RecordType
from doingoai.correspondence.access import get_document_for_user
from doingoai.correspondence.forms import LinkForm
from doingoai.correspondence.models import Document

FIELDS = ["direction", "kind", "organisation", "reference", "symbol", "dated_on",
          "received_on", "issuer", "recipients", "summary", "signer", "urgency",
          "confidentiality", "file", "handled_by", "answer_due_on", "status"]


def detail_url(record) -> str:
    """The page of any record (the record type's that describes its model)."""
    for rt in REGISTRY:
        if rt.model is type(record):
            return rt.reverse("detail", record.pk)
    return ""


def detail_extras(request, document):
    links = []
    for link in document.links_visible_to(request.user):
        target = link.target_for(request.user)
        links.append({"link": link, "target": target, "url": detail_url(target),
                      "type": target._meta.verbose_name})
    return {"links": links, "link_form": LinkForm(user=request.user)}


documents = RecordType(
    model=Document,
    namespace="correspondence",
    slug="document",
    fields=FIELDS,
    detail_fields=[*FIELDS, "issued_on"],
    list_columns=["reference", "direction", "kind", "dated_on", "summary", "status"],
    filters=["direction", "kind", "status", "organisation"],
    select_related=["organisation", "handled_by"],
    defer=["file_text", "search_text"],  # up to 200,000 characters each a row
    access=get_document_for_user,
    extra_context=detail_extras,
)
