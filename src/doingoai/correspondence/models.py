"""The office's documents in and out (issue 16): the register of incoming and outgoing
documents (``Document``, văn bản đến / văn bản đi), their links to the records they belong to
(``DocumentLink``), and the number books (``NumberBook``: one counter per issuing province,
year and book, the document's symbol "BC-SNV"), from which ``numbering.allocate`` takes the
next number when an outgoing document is issued."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AdminUnit, AliveManager, OwnedQuerySet, OwnedRecord
from doingoai.core.validators import (
    non_negative_check,
    validate_attachment,
    validate_non_negative,
)
from doingoai.correspondence.filetext import is_read, text_of


class NumberBook(models.Model):
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+",
                                 verbose_name=_("issuing province"))
    year = models.PositiveSmallIntegerField(_("year"))
    symbol = models.CharField(_("symbol"), max_length=40)
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("number book")
        verbose_name_plural = _("number books")
        constraints = [models.UniqueConstraint(fields=["province", "year", "symbol"],
                                               name="one_number_book_per_symbol_and_year")]

    def __str__(self):
        return f"{self.province} {self.year} {self.symbol}: {self.last_number}"


class DocumentQuerySet(OwnedQuerySet):
    def awaiting_answer(self):
        return self.filter(direction=Document.Direction.INCOMING,
                           answer_due_on__isnull=False,
                           status__in=[Document.Status.RECEIVED, Document.Status.ASSIGNED])

    def answers_overdue(self, today: dt.date | None = None):
        """Incoming documents whose answer was due before ``today`` and is not given."""
        return self.awaiting_answer().filter(answer_due_on__lt=today or timezone.localdate())


class Document(OwnedRecord):
    """An incoming or outgoing document of the province's office or one of its bodies."""

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("Incoming (văn bản đến)")
        OUTGOING = "outgoing", _("Outgoing (văn bản đi)")

    class Kind(models.TextChoices):
        OFFICIAL_LETTER = "cv", _("Official letter (công văn)")
        DECISION = "qd", _("Decision (quyết định)")
        REPORT = "bc", _("Report (báo cáo)")
        SUBMISSION = "tt", _("Submission (tờ trình)")
        PLAN = "kh", _("Plan (kế hoạch)")
        NOTICE = "tb", _("Notice (thông báo)")
        INVITATION = "gm", _("Invitation (giấy mời)")
        MINUTES = "bb", _("Minutes (biên bản)")
        TELEGRAM = "cd", _("Official telegram (công điện)")
        OTHER = "other", _("Other")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Normal (thường)")
        URGENT = "urgent", _("Urgent (khẩn)")
        VERY_URGENT = "very_urgent", _("Very urgent (thượng khẩn)")
        FLASH = "flash", _("Flash (hỏa tốc)")

    class Confidentiality(models.TextChoices):
        NORMAL = "normal", _("Not classified (thường)")
        CONFIDENTIAL = "confidential", _("Confidential (mật)")
        SECRET = "secret", _("Secret (tối mật)")
        TOP_SECRET = "top_secret", _("Top secret (tuyệt mật)")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        FILED = "filed", _("Filed")
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")

    INCOMING_STATUSES = (Status.RECEIVED, Status.ASSIGNED, Status.ANSWERED, Status.FILED)
    OUTGOING_STATUSES = (Status.DRAFT, Status.ISSUED, Status.FILED)
    # Decree 30/2020/NĐ-CP, Appendix III: the abbreviation of each kind in the symbol; an
    # official letter's symbol is the issuing body's alone ("125/SNV-VP").
    ABBREVIATIONS = {"qd": "QĐ", "bc": "BC", "tt": "TTr", "kh": "KH", "tb": "TB", "gm": "GM",
                     "bb": "BB", "cd": "CĐ"}
    DEFAULT_BODY_SYMBOL = "SNgV"
    # The file's text is searched too: "hop tac" finds a document whose PDF says "hợp tác".
    SEARCH_FIELDS = ("reference", "summary", "issuer", "recipients", "signer", "file_text")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("type"), max_length=8, choices=Kind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("body"),
        help_text=_("The province's body that receives or issues the document; empty for the "
                    "foreign-affairs office."))
    reference = models.CharField(
        _("number and symbol"), max_length=60, blank=True,
        help_text=_("As written on an incoming document (125/BC-UBND); an outgoing one takes "
                    "its number when it is issued."))
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False,
                                         validators=[validate_non_negative])
    symbol = models.CharField(
        _("symbol"), max_length=40, blank=True,
        help_text=_("Outgoing: the book the number is taken from (BC-SNgV); left empty, it is "
                    "made from the type and the body's symbol."))
    dated_on = models.DateField(_("date of the document"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=300, blank=True,
                              help_text=_("Incoming: the agency that issued it."))
    recipients = models.CharField(_("recipients"), max_length=500, blank=True,
                                  help_text=_("Outgoing: the agencies it is sent to."))
    summary = models.CharField(_("summary (trích yếu)"), max_length=500)
    signer = models.CharField(_("signed by"), max_length=200, blank=True)
    urgency = models.CharField(_("urgency"), max_length=12, choices=Urgency.choices,
                               default=Urgency.NORMAL)
    confidentiality = models.CharField(_("confidentiality"), max_length=12,
                                       choices=Confidentiality.choices,
                                       default=Confidentiality.NORMAL)
    file = models.FileField(_("file"), upload_to="correspondence/%Y/", blank=True,
                            validators=[validate_attachment])
    file_text = models.TextField(
        _("text of the file"), blank=True, editable=False,
        help_text=_("Taken from the file (PDF, DOCX, text) when it is saved, for the search."))
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("handled by"))
    answer_due_on = models.DateField(_("answer due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, blank=True,
                              help_text=_("Left empty: received for an incoming document, "
                                          "draft for an outgoing one."))
    issued_on = models.DateField(_("issued on"), null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True,
                                  blank=True, related_name="+", editable=False,
                                  verbose_name=_("issued by (user)"))

    UNIT_FIELD = "organisation"
    UNIT_WRITES = True  # a unit's reporter registers their own unit's documents
    UNIT_DATE_FIELD = "dated_on"

    objects = AliveManager.from_queryset(DocumentQuerySet)()

    class Meta:
        verbose_name = _("document in or out")
        verbose_name_plural = _("documents in and out")
        ordering = ["-dated_on", "-pk"]
        indexes = [models.Index(fields=["owner", "direction", "dated_on"])]
        constraints = [non_negative_check("number")]

    def __str__(self):
        return f"{self.reference or self.get_kind_display()} — {self.summary}"[:200]

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        # The file whose text ``file_text`` holds, so a save reads the file only when it changed.
        document._file_read = document.__dict__.get("file")
        return document

    def file_changed(self) -> bool:
        stored = getattr(self, "_file_read", None)
        return (not getattr(self.file, "_committed", True)
                or (self.file.name or "") != (getattr(stored, "name", stored) or ""))

    @property
    def file_text_unreadable(self) -> bool:
        """A PDF, DOCX or text file was attached but no text could be taken from it."""
        return bool(self.file) and is_read(self.file.name) and not self.file_text

    def save(self, *args, **kwargs):
        if self.file_changed():
            self.file_text = text_of(self.file)
        if not self.status:
            self.status = (self.Status.DRAFT if self.direction == self.Direction.OUTGOING
                           else self.Status.RECEIVED)
        super().save(*args, **kwargs)

    def clean(self):
        from doingoai.organisations.models import refuse_abolished

        if self.organisation_id:
            refuse_abolished(self.organisation, self.dated_on or timezone.localdate())
        errors = {}
        outgoing = self.direction == self.Direction.OUTGOING
        if self.status:
            allowed = self.OUTGOING_STATUSES if outgoing else self.INCOMING_STATUSES
            if self.status not in allowed:
                errors["status"] = _("This status is not one of a document of this direction.")
            elif self.status == self.Status.ISSUED and self.number is None:
                errors["status"] = _("An outgoing document is issued with the button "
                                     "“Issue”, which gives it its number.")
        if self.number is not None and self.status == self.Status.DRAFT:
            errors["status"] = _("An issued document cannot go back to draft.")
        if self.received_on and self.dated_on and self.received_on < self.dated_on:
            errors["received_on"] = _("A document cannot arrive before its date.")
        if self.answer_due_on and self.dated_on and self.answer_due_on < self.dated_on:
            errors["answer_due_on"] = _("The answer cannot be due before the document's date.")
        if errors:
            raise ValidationError(errors)

    def book_symbol(self) -> str:
        """The book an outgoing document's number is taken from: its own symbol, else the
        kind's abbreviation and the body's symbol ("BC-SNgV")."""
        if self.symbol:
            return self.symbol
        body = (self.organisation.symbol if self.organisation_id and self.organisation.symbol
                else self.DEFAULT_BODY_SYMBOL)
        abbreviation = self.ABBREVIATIONS.get(self.kind)
        return f"{abbreviation}-{body}" if abbreviation else body

    @property
    def may_issue(self) -> bool:
        return self.direction == self.Direction.OUTGOING and self.status == self.Status.DRAFT

    def issue(self, user, today: dt.date | None = None) -> None:
        """Give an outgoing draft the next number of its book for the year and mark it
        issued, in one transaction through the record's guarded path: of two clicks on
        "Issue" one gets the number, the other ``RecordChanged``; a failed save gives the
        number back."""
        from doingoai.correspondence.numbering import allocate, format_number

        if not self.may_issue:
            raise ValidationError(_("Only an outgoing draft is issued."))
        today = today or timezone.localdate()
        with transaction.atomic():
            self.claim(self.version, status=self.Status.DRAFT, deleted_at__isnull=True)
            self.symbol = self.book_symbol()
            self.number = allocate(self.owner, today.year, self.symbol)
            self.reference = format_number(self.number, self.symbol)
            self.dated_on = self.issued_on = today
            self.issued_by, self.status = user, self.Status.ISSUED
            self._history_user = user
            self.save()

    def links_visible_to(self, user):
        """The records this document belongs to that ``user`` may read."""
        return [link for link in self.links.select_related("content_type")
                if link.target_visible_to(user)]


class DocumentLink(models.Model):
    """One document's place in one record's trail: a delegation's request, an agreement's
    signed text, an aid programme's approval decision. Any record type links the same way
    (a generic foreign key), so a record's page lists its documents with one include."""

    class Role(models.TextChoices):
        REQUEST = "request", _("Request")
        CONSULTATION = "consultation", _("Consultation")
        DRAFT = "draft", _("Draft")
        DECISION = "decision", _("Decision")
        SIGNED_TEXT = "signed", _("Signed text")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    document = models.ForeignKey(Document, models.CASCADE, related_name="links",
                                 verbose_name=_("document"))
    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+",
                                     verbose_name=_("record type"))
    object_id = models.PositiveIntegerField(_("record"), validators=[validate_non_negative])
    record = GenericForeignKey("content_type", "object_id")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices,
                            default=Role.OTHER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document link")
        verbose_name_plural = _("document links")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "content_type", "object_id", "role"],
                                    name="one_link_per_document_record_and_role"),
            non_negative_check("object_id"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.document} → {self.content_type.model} {self.object_id}"

    def target_visible_to(self, user) -> bool:
        model = self.content_type.model_class()
        if model is None or not issubclass(model, OwnedRecord):
            return False
        return model.objects.visible_to(user).filter(pk=self.object_id).exists()

    def target_for(self, user):
        model = self.content_type.model_class()
        return model.objects.visible_to(user).filter(pk=self.object_id).first()

    @classmethod
    def attach(cls, document, record, role):
        """Link ``document`` to ``record`` in ``role``: the one place a link is made."""
        return cls.objects.create(
            document=document, content_type=ContentType.objects.get_for_model(type(record)),
            object_id=record.pk, role=role)

    @classmethod
    def documents_of(cls, record, user):
        """The links of ``record``'s documents that ``user`` may read, documents joined."""
        return (cls.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk,
            document__in=Document.objects.visible_to(user))
            .select_related("document").order_by("document__dated_on", "pk"))
