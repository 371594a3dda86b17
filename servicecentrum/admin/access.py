"""The gate of every admin screen."""

from functools import wraps

from flask_login import current_user

from ..policies import can_administer, require


def admin_only(view):
    """Answer 403 unless the visitor is an active admin."""

    @wraps(view)
    def guarded(*args, **kwargs):
        require(can_administer(current_user))
        return view(*args, **kwargs)

    return guarded
