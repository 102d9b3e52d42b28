from doingoai.core.access import get_record_for_user
from doingoai.figures.models import ReportedFigure, SourceDocument


def get_figure_for_user(request, pk, *, write=False):
    return get_record_for_user(request, ReportedFigure, pk, write=write)


def get_source_for_user(request, pk, *, write=False):
    return get_record_for_user(request, SourceDocument, pk, write=write)
