from doingoai.core.access import get_record_for_user
from doingoai.correspondence.models import Document


def get_document_for_user(request, pk, *, write=False):
    return get_record_for_user(request, Document, pk, write=write)
