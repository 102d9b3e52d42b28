"""E-mail every specialist and leader what is due, overdue or awaiting their approval, and
leave the same items as in-app notifications. Run it daily (cron or a systemd timer, see the
README); an item already sent to a user today is not sent again, so a second run the same
day is harmless."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from doingoai.agreements.expiry import expire_lapsed
from doingoai.notifications.agenda import build_agenda
from doingoai.notifications.models import Notification, ReminderLog

# The office, and the users of its units (reporters and unit leaders: their rounds).
ROLES = ("specialist", "leader", "reporter", "unit_leader")
REMIND_DAYS = 7


class Command(BaseCommand):
    help = "E-mail each user what is due or overdue (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=dt.date.fromisoformat,
                            help="Pretend today is this date (YYYY-MM-DD).")
        parser.add_argument("--days", type=int, default=REMIND_DAYS,
                            help="Remind of what falls due within this many days.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Print what would be sent; send and record nothing.")

    def handle(self, *args, date=None, days=REMIND_DAYS, dry_run=False, **options):
        today = date or timezone.localdate()
        if not dry_run:
            # What the date itself changes comes before what is due: an agreement past its
            # end date is expired, not "in force", in today's reminders.
            expired = expire_lapsed(today)
            if expired:
                self.stdout.write(f"{len(expired)} agreement(s) past their end date marked "
                                  "expired.")
        users = get_user_model().objects.filter(
            is_active=True, membership__role__in=ROLES, membership__province__isnull=False,
        ).select_related("membership__province")
        sent = 0
        for user in users:
            sent += self.remind(user, today, days, dry_run)
        self.stdout.write(f"{sent} e-mail(s) sent for {today:%d/%m/%Y}.")

    def remind(self, user, today, days, dry_run) -> int:
        items = build_agenda(user, today, days=days).actionable()
        items = [item for item in items if item.key not in self.sent_today(user, today)]
        if not items:
            return 0
        if dry_run:
            for item in items:
                self.stdout.write(f"{user.username}: {item.sentence}")
            return 0
        with transaction.atomic():
            # Several app servers may run the reminders at the same time: the user's row is
            # locked and what was sent today read again under the lock, so each item is
            # taken by one of them, once.
            get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)
            done = self.sent_today(user, today)
            items = [item for item in items if item.key not in done]
            if not items:
                return 0
            for item in items:
                ReminderLog.objects.create(user=user, key=item.key, sent_on=today)
                Notification.objects.get_or_create(
                    user=user, key=item.key,
                    defaults={"title": item.sentence[:400], "url": item.url,
                              "due_on": item.due_on},
                )
        if user.email:
            with translation.override("vi"):
                subject = _("What is due in foreign affairs: %(n)d item(s)") % {"n": len(items)}
                body = render_to_string("notifications/remind_email.txt", {
                    "user": user, "items": items, "today": today,
                    # Links need the site's address; the command has no request.
                    "base_url": getattr(settings, "DOINGOAI_BASE_URL", "").rstrip("/"),
                })
            send_mail(subject, body, None, [user.email])
            return 1
        return 0

    @staticmethod
    def sent_today(user, today) -> set[str]:
        return set(ReminderLog.objects.filter(user=user, sent_on=today)
                   .values_list("key", flat=True))
