from doingoai.accounts.scope import can_write, membership_of


def membership(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"membership": membership_of(user), "user_can_write": can_write(user)}
