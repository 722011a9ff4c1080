"""Demo accounts, one per editorial role (development settings only: the password comes
from ``DEMO_USERS_PASSWORD``, which production never sets)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

DEMO_ACCOUNTS = [
    # username, group names, is_superuser
    ("admin", [], True),
    ("editor", ["Editors"], False),
    ("moderator", ["Moderators"], False),
    ("reviewer", ["Gallery reviewers"], False),
]


def load(builder):
    password = getattr(settings, "DEMO_USERS_PASSWORD", None)
    if not password:
        builder.say("  no DEMO_USERS_PASSWORD in these settings: demo accounts not created")
        return
    User = get_user_model()
    for username, group_names, is_superuser in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.org",
                "first_name": username.capitalize(),
                "last_name": "Demo",
                "is_staff": True,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        for group in Group.objects.filter(name__in=group_names):
            user.groups.add(group)
