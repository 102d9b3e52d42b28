"""The officials doing foreign-affairs work in the province's agencies and communes, and the
training courses they attend."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import AdminUnit, AliveManager, OwnedQuerySet, OwnedRecord, bounded_text


class Officer(OwnedRecord):
    SEARCH_FIELDS = ("full_name", "unit", "position", "languages")
    PERSONAL_FIELDS = ("phone", "email")

    full_name = models.CharField(_("full name"), max_length=150)
    unit = models.CharField(_("agency or unit"), max_length=200)
    unit_area = models.ForeignKey(AdminUnit, models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("commune or district"),
                                  help_text=_("For an official of a commune or district."))
    position = models.CharField(_("position"), max_length=200, blank=True)
    languages = models.CharField(
        _("foreign languages"), max_length=200, blank=True,
        help_text=_("With the level, e.g. \"Chinese (HSK 4), English B1\"."),
    )
    full_time = models.BooleanField(_("works on foreign affairs full time"), default=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = bounded_text(_("notes"), blank=True)

    class Meta:
        verbose_name = _("foreign-affairs official")
        verbose_name_plural = _("foreign-affairs officials")
        ordering = ["full_name", "pk"]

    def __str__(self):
        return f"{self.full_name} ({self.unit})"


class CourseQuerySet(OwnedQuerySet):
    def between(self, start: dt.date, end: dt.date):
        return self.filter(starts_on__range=(start, end))


class TrainingCourse(OwnedRecord):
    SEARCH_FIELDS = ("title", "organiser", "place", "topics")

    title = models.CharField(_("title"), max_length=300)
    organiser = models.CharField(_("organised by"), max_length=200, blank=True)
    topics = bounded_text(_("topics"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    notes = bounded_text(_("notes"), blank=True)

    objects = AliveManager.from_queryset(CourseQuerySet)()

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    course = models.ForeignKey(TrainingCourse, models.CASCADE, related_name="attendances",
                               verbose_name=_("course"))
    officer = models.ForeignKey(Officer, models.PROTECT, related_name="attendances",
                                verbose_name=_("official"))
    completed = models.BooleanField(_("completed"), default=True)
    certificate = models.CharField(_("certificate"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [models.UniqueConstraint(fields=["course", "officer"],
                                               name="one_attendance_per_course_and_officer")]

    def __str__(self):
        return str(self.officer)
