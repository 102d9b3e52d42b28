from doingoai.core.access import get_record_for_user
from doingoai.friendship.models import FriendshipAssociation, FriendshipPact


def get_pact_for_user(request, pk, *, write=False):
    return get_record_for_user(request, FriendshipPact, pk, write=write)


def get_association_for_user(request, pk, *, write=False):
    return get_record_for_user(request, FriendshipAssociation, pk, write=write)
