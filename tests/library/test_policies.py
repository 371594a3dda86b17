"""Truth tables for the library's rules in policies.py."""

from types import SimpleNamespace

import pytest

from servicecentrum import policies


def member(role="officer", user_id=1, status="active"):
    return SimpleNamespace(id=user_id, role=role, is_authenticated=True, is_active=status == "active",
                           is_staff=role in ("adviser", "admin"))


def practice(status, author_id=1, published=True):
    was_published = published and status in ("published", "archived")
    return SimpleNamespace(status=status, author_id=author_id,
                           published_at="2006-01-01" if was_published else None)


AUTHOR, OTHER, ADVISER, ADMIN = member(user_id=1), member(user_id=2), member("adviser", 3), member("admin", 4)
DISABLED_AUTHOR = member(user_id=1, status="disabled")


@pytest.mark.parametrize(("status", "who", "allowed"), [
    ("draft", AUTHOR, True), ("draft", OTHER, False), ("draft", ADVISER, True), ("draft", ADMIN, True),
    ("review", OTHER, False), ("review", AUTHOR, True),
    ("published", OTHER, True), ("archived", OTHER, True),
    ("published", DISABLED_AUTHOR, False),
])
def test_who_may_view_a_practice(status, who, allowed):
    assert policies.can_view_practice(who, practice(status)) is allowed


def test_a_rejected_draft_that_was_archived_stays_private():
    assert not policies.can_view_practice(OTHER, practice("archived", published=False))
    assert policies.can_view_practice(ADVISER, practice("archived", published=False))


@pytest.mark.parametrize(("status", "who", "allowed"), [
    ("draft", AUTHOR, True), ("published", AUTHOR, True), ("archived", AUTHOR, False),
    ("published", OTHER, False), ("archived", ADVISER, True), ("draft", ADMIN, True),
])
def test_who_may_edit_a_practice(status, who, allowed):
    assert policies.can_edit_practice(who, practice(status)) is allowed


def test_review_steps_are_for_staff_and_the_conversation_for_author_and_staff():
    everyone = (AUTHOR, OTHER, ADVISER, ADMIN)
    assert [policies.can_review_practices(u) for u in everyone] == [False, False, True, True]
    review = practice("review")
    assert [policies.can_follow_review(u, review) for u in (AUTHOR, OTHER, ADVISER)] == [True, False, True]
    assert [policies.can_submit_practice(u, practice("draft")) for u in (AUTHOR, ADVISER)] == [True, False]


def test_members_rate_other_peoples_published_practices():
    assert policies.can_rate_practice(OTHER, practice("published"))
    assert not policies.can_rate_practice(AUTHOR, practice("published"))
    assert not policies.can_rate_practice(ADVISER, practice("review"))
    assert not policies.can_rate_practice(OTHER, practice("archived"))
