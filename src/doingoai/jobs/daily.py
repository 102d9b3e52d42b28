"""The day's jobs: the reminders (which expire lapsed agreements first) and the retention of
personal data."""

import io

from django.core.management import call_command


def _command(name, *args):
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue().strip()


def remind(job):
    text = _command("remind")
    return text[-500:], {"output": text[-5000:]}


def retention(job):
    text = _command("anonymise")
    return text[-500:], {"output": text[-5000:]}
