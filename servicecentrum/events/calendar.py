"""Calendar files (RFC 5545) built with the icalendar package: one event, or a member's feed.

Times are written in Europe/Amsterdam with a VTIMEZONE, so calendar apps show the right hour
on both sides of a daylight-saving change.
"""

from zoneinfo import ZoneInfo

from flask import current_app
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from ..database import utcnow
from ..text import strip_markdown
from ..urls import absolute_url

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODUCT_ID = "-//FORUM//Servicecentrum Integratie//NL"


def _uid(event) -> str:
    host = current_app.config.get("SERVER_NAME") or "servicecentrum-integratie"
    return f"bijeenkomst-{event.id}@{host}"


def _component(event, stamp):
    item = CalendarEvent()
    item.add("uid", _uid(event))
    item.add("dtstamp", stamp)
    item.add("dtstart", event.starts_at.astimezone(AMSTERDAM))
    item.add("dtend", event.ends_at.astimezone(AMSTERDAM))
    item.add("summary", event.title)
    url = absolute_url("events.detail", event_id=event.id)
    description = strip_markdown(event.description or "")
    if event.online_url:
        description = f"{description}\n\nOnline: {event.online_url}".strip()
    item.add("description", f"{description}\n\n{url}".strip())
    item.add("url", url)
    if event.location:
        item.add("location", event.location)
    elif event.online_url:
        item.add("location", event.online_url)
    item.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    item.add("sequence", int(event.updated_at.timestamp()) if event.updated_at else 0)
    return item


def build_calendar(events, name: str | None = None) -> bytes:
    """Return an iCalendar file with the given events."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = utcnow()
    for event in events:
        calendar.add_component(_component(event, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation(event) -> dict:
    """The event as a mail attachment for queue_mail(attachments=[...])."""
    return {"filename": f"bijeenkomst-{event.id}.ics", "content_type": "text/calendar",
            "content": build_calendar([event]).decode("utf-8")}
