"""Incoming documents awaiting an answer on the agenda: due inside the window, overdue once
the due date has passed and the document is neither answered nor filed."""

from django.utils.translation import gettext as _

from doingoai.correspondence.models import Document


def agenda_items(user, window):
    from doingoai.notifications.agenda import _item

    awaiting = Document.objects.visible_to(user).awaiting_answer().filter(
        window.q("answer_due_on")).select_related("owner")
    for document in awaiting:
        what = (_("Answer to a document overdue") if document.answer_due_on < window.today
                else _("Answer to a document due"))
        yield _item(document, "correspondence:document-detail", what, "answer",
                    document.answer_due_on)
