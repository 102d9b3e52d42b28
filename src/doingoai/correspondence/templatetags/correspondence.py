from django import template

from doingoai.correspondence.models import DocumentLink

register = template.Library()


@register.inclusion_tag("correspondence/_documents.html", takes_context=True)
def documents_of(context, record):
    """The documents of ``record`` its reader may read: the one list every record's page
    includes (a delegation's request and decision, an agreement's signed text...)."""
    return {"document_links": DocumentLink.documents_of(record, context["request"].user)}
