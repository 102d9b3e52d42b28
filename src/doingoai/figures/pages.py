from doingoai.core.records import RecordType
from doingoai.figures.access import get_figure_for_user, get_source_for_user
from doingoai.figures.models import Candidate, ReportedFigure, SourceDocument


def figure_extras(request, figure):
    """Where the figure was read: the quote in its document's text, highlighted."""
    candidate = Candidate.objects.filter(figure=figure).first()
    return {"candidate": candidate}


def source_extras(request, document):
    return {
        "figure_count": document.figures.count(),
        "pending": document.candidates.filter(status=Candidate.Status.PENDING).count(),
    }


figures = RecordType(
    model=ReportedFigure,
    namespace="figures",
    slug="figure",
    fields=["indicator", "place", "period", "value", "unit", "of", "qualifier",
            "equivalent_value", "equivalent_unit", "source", "quote", "start", "end"],
    detail_fields=["indicator", "place", "period", "value", "unit_name", "of", "qualifier",
                   "equivalent_value", "equivalent_unit", "source", "quote", "start", "end"],
    list_columns=["indicator", "period", "value", "unit_name", "of", "qualifier", "place"],
    filters=["indicator", "qualifier"],
    select_related=["indicator", "place"],
    access=get_figure_for_user,
    extra_context=figure_extras,
)

sources = RecordType(
    model=SourceDocument,
    namespace="figures",
    slug="source",
    fields=["title", "file_name", "url", "published_on", "file", "text"],
    list_columns=["title", "published_on", "file_name"],
    access=get_source_for_user,
    extra_context=source_extras,
)
