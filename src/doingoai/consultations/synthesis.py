"""The synthesis of a consultation's replies (tổng hợp ý kiến): a DOCX table of the agencies
and what each answered, kept as an outgoing draft document of the office linked to the
consultation and to the record it is about, so that it is edited, numbered and issued as
any other document."""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.correspondence.models import Document, DocumentLink


def synthesis_docx(consultation, today) -> bytes:
    from docx import Document as Docx

    docx = Docx()
    docx.add_heading(_("Synthesis of the agencies' opinions"), level=1)
    docx.add_paragraph(consultation.subject)
    if consultation.about is not None:
        docx.add_paragraph(f"{consultation.about._meta.verbose_name.capitalize()}: "
                           f"{consultation.about}")
    if consultation.sent_on:
        docx.add_paragraph(_("Sent on %(date)s") % {"date": f"{consultation.sent_on:%d/%m/%Y}"})
    replies = list(consultation.replies.select_related("reply_document"))
    table = docx.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    headers = [_("No."), _("Agency consulted"), _("Answer due on"), _("Answer"),
               _("Replied on"), _("Comments of the agency")]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for number, reply in enumerate(replies, start=1):
        if reply.answer:
            answer = reply.get_answer_display()
        elif reply.is_overdue(today):
            answer = _("Overdue, no reply yet")
        else:
            answer = _("Awaiting the reply")
        if reply.reply_document_id:
            answer += f" ({reply.reply_document.reference})"
        values = [str(number), reply.agency,
                  f"{reply.due_on:%d/%m/%Y}" if reply.due_on else "", answer,
                  f"{reply.replied_on:%d/%m/%Y}" if reply.replied_on else "", reply.comments]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    given = sum(1 for r in replies if r.answer in r.GIVEN)
    docx.add_paragraph(_("%(given)d of %(asked)d agencies replied.")
                       % {"given": given, "asked": len(replies)})
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def make_synthesis(consultation, user, today=None) -> Document:
    """Write the synthesis and keep it as a draft outgoing report linked to the consultation
    (role "consultation") and to its record."""
    today = today or timezone.localdate()
    content = synthesis_docx(consultation, today)
    with transaction.atomic():
        document = Document(
            owner=consultation.owner, created_by=user, direction=Document.Direction.OUTGOING,
            kind=Document.Kind.REPORT, dated_on=today,
            summary=(_("Synthesis of the agencies' opinions: %(subject)s")
                     % {"subject": consultation.subject})[:500])
        document.file.save(f"tong-hop-y-kien-{consultation.pk}.docx", ContentFile(content),
                           save=False)
        document._history_user = user
        document.save()
        for record in (consultation, consultation.about):
            if record is not None:
                DocumentLink.attach(document, record, DocumentLink.Role.CONSULTATION)
    return document
