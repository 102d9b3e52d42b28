"""Consultations (xin ý kiến, issue 16 section 2): one question and its dossier sent to
several agencies about one record (an agreement before signing, an aid programme's appraisal,
a delegation, a conference), each agency's reply due by the rule in force on the day it was
sent (Law 70/2020: 7 working days for an agreement) or by the date the office enters, and the
replies themselves. A reply not given by its due date is overdue and on the agenda."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.agreements.models import CONSULTATION_RULE as AGREEMENT_CONSULTATION_RULE
from doingoai.core.models import OwnedRecord, bounded_text

# The record a consultation is about: one of these fields, and the rule code that sets the
# agencies' time to answer in that record's area (None: the office enters the due date).
SUBJECT_FIELDS = {
    "agreement": AGREEMENT_CONSULTATION_RULE,
    "programme": "aid.consultation_working_days",
    "delegation": None,
    "event": None,
}


class Consultation(OwnedRecord):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent to the agencies")
        CLOSED = "closed", _("Closed")

    SEARCH_FIELDS = ("subject", "notes")
    YEAR_FIELD = "sent_on"

    agreement = models.ForeignKey("agreements.Agreement", models.SET_NULL, null=True,
                                  blank=True, related_name="consultations",
                                  verbose_name=_("agreement"))
    programme = models.ForeignKey("aid.AidProgramme", models.SET_NULL, null=True, blank=True,
                                  related_name="consultations",
                                  verbose_name=_("aid programme"))
    delegation = models.ForeignKey("delegations.Delegation", models.SET_NULL, null=True,
                                   blank=True, related_name="consultations",
                                   verbose_name=_("delegation"))
    event = models.ForeignKey("events.Event", models.SET_NULL, null=True, blank=True,
                              related_name="consultations", verbose_name=_("event"))
    subject = models.CharField(_("question asked of the agencies"), max_length=500)
    dossier = models.ForeignKey(
        "correspondence.Document", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("dossier (the letter asking for opinions)"))
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    rule = models.ForeignKey("rules.Rule", models.SET_NULL, null=True, blank=True,
                             related_name="+", editable=False,
                             verbose_name=_("rule for the answers' due date"))
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("consultation of agencies")
        verbose_name_plural = _("consultations of agencies")
        ordering = ["-sent_on", "-pk"]

    def __str__(self):
        return self.subject[:200]

    def subject_fields_chosen(self) -> list[str]:
        """The names of the SUBJECT_FIELDS filled in (one, once the record is valid)."""
        return [name for name in SUBJECT_FIELDS if getattr(self, f"{name}_id")]

    @property
    def about(self):
        """The record the consultation is about, or None."""
        chosen = self.subject_fields_chosen()
        return getattr(self, chosen[0]) if chosen else None

    @property
    def rule_code(self) -> str | None:
        chosen = self.subject_fields_chosen()
        return SUBJECT_FIELDS[chosen[0]] if chosen else None

    def clean(self):
        errors = {}
        chosen = self.subject_fields_chosen()
        if len(chosen) != 1:
            errors["agreement"] = _("Choose the one record the consultation is about: an "
                                    "agreement, an aid programme, a delegation or an event.")
        elif self.owner_id and getattr(self, chosen[0]).owner_id != self.owner_id:
            errors[chosen[0]] = _("This record belongs to another province.")
        if self.dossier_id and self.owner_id and self.dossier.owner_id != self.owner_id:
            errors["dossier"] = _("This document belongs to another province.")
        if self.status != self.Status.DRAFT and not self.sent_on:
            errors["sent_on"] = _("A consultation sent to the agencies needs the day it was "
                                  "sent.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from doingoai.rules.models import rule_in_force

        code = self.rule_code
        self.rule = (rule_in_force(code, self.sent_on, self.owner)
                     if code and self.sent_on and self.owner_id else None)
        super().save(*args, **kwargs)
        if self.rule is not None:
            # Replies entered before the consultation was sent get their due date now.
            for reply in self.replies.filter(due_on__isnull=True):
                reply.save()

    def record_day(self) -> dt.date | None:
        return self.sent_on

    def rule_due_on(self) -> dt.date | None:
        """The agencies' due date by the rule in force on the day it was sent."""
        if self.rule is None or not self.sent_on:
            return None
        return self.rule.due_after(self.sent_on)


class ReplyQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(consultation__in=Consultation.objects.visible_to(user))

    def awaiting(self):
        """Replies asked for and not given, of consultations sent and not closed."""
        return self.filter(answer="", due_on__isnull=False,
                           consultation__status=Consultation.Status.SENT,
                           consultation__deleted_at__isnull=True)

    def overdue(self, today: dt.date | None = None):
        return self.awaiting().filter(due_on__lt=today or timezone.localdate())


class ConsultationReply(models.Model):
    class Answer(models.TextChoices):
        AGREES = "agrees", _("Agrees")
        COMMENTS = "comments", _("Agrees with comments")
        DISAGREES = "disagrees", _("Disagrees")
        NO_REPLY = "no_reply", _("No reply (closed without an answer)")

    GIVEN = (Answer.AGREES, Answer.COMMENTS, Answer.DISAGREES)
    OWNED_THROUGH = "consultation"

    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="replies",
                                     verbose_name=_("consultation of agencies"))
    agency = models.CharField(_("agency consulted"), max_length=300)
    organisation = models.ForeignKey(
        "organisations.Organisation", models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("the province's body consulted"))
    due_on = models.DateField(
        _("answer due on"), null=True, blank=True,
        help_text=_("Left empty, it is computed from the rule in force when the consultation "
                    "is sent; enter it where no rule sets it or a later date was agreed."))
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    comments = bounded_text(_("comments of the agency"), blank=True)
    reply_document = models.ForeignKey(
        "correspondence.Document", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("reply document"))
    history = HistoricalRecords()

    objects = ReplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("reply of an agency")
        verbose_name_plural = _("replies of the agencies")
        ordering = ["pk"]

    def __str__(self):
        return self.agency

    def save(self, *args, **kwargs):
        if self.due_on is None:
            self.due_on = self.consultation.rule_due_on()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        consultation = getattr(self, "consultation", None)
        sent_on = consultation.sent_on if consultation is not None else None
        if self.replied_on and sent_on and self.replied_on < sent_on:
            errors["replied_on"] = _("An agency cannot reply before the consultation was "
                                     "sent.")
        if self.due_on and sent_on and self.due_on < sent_on:
            errors["due_on"] = _("The answer cannot be due before the consultation was sent.")
        if self.answer in self.GIVEN and not self.replied_on:
            errors["replied_on"] = _("Enter the day the agency replied.")
        if self.replied_on and self.answer not in self.GIVEN:
            errors["answer"] = _("A reply was received: say what the agency answered.")
        if (self.reply_document_id and consultation is not None and consultation.owner_id
                and self.reply_document.owner_id != consultation.owner_id):
            errors["reply_document"] = _("This document belongs to another province.")
        if errors:
            raise ValidationError(errors)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return (not self.answer and self.due_on is not None
                and self.consultation.status == Consultation.Status.SENT
                and self.due_on < (today or timezone.localdate()))
