from doingoai.core.records import RecordType
from doingoai.friendship.access import get_association_for_user, get_pact_for_user
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact

pacts = RecordType(
    model=FriendshipPact,
    namespace="friendship",
    slug="pact",
    fields=["kind", "title", "our_side", "our_unit", "counterpart", "counterpart_partner",
            "country", "signed_on", "ends_on", "notes"],
    list_columns=["title", "kind", "our_side", "counterpart", "signed_on"],
    filters=["kind", "country"],
    select_related=["country"],
    access=get_pact_for_user,
)

associations = RecordType(
    model=FriendshipAssociation,
    namespace="friendship",
    slug="association",
    fields=["name", "countries", "founded_on", "members", "notes"],
    list_columns=["name", "countries", "founded_on"],
    prefetch_related=["countries"],
    access=get_association_for_user,
)
