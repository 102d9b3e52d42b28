from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from doingoai.friendship.models import FriendshipAssociation, FriendshipPact


@admin.register(FriendshipPact)
class FriendshipPactAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "our_side", "counterpart", "owner"]
    list_filter = ["kind", "owner"]
    search_fields = ["search_text"]
    raw_id_fields = ["owner", "our_unit", "counterpart_partner"]


@admin.register(FriendshipAssociation)
class FriendshipAssociationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "founded_on", "owner"]
    search_fields = ["search_text"]
    raw_id_fields = ["owner"]
