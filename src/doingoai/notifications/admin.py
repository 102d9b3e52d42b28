from django.contrib import admin

from doingoai.notifications.models import Notification, ReminderLog


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "title", "due_on", "read_at"]
    list_filter = ["read_at"]
    search_fields = ["title", "user__username"]
    raw_id_fields = ["user"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "user", "key"]
    list_filter = ["sent_on"]
    raw_id_fields = ["user"]
