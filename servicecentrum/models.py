"""Import every model so that SQLAlchemy and Alembic see the whole schema."""

from .admin.models import SiteSetting
from .audit.models import AuditEvent
from .auth.models import AccountToken, RecoveryCode, User, UserSession, user_expertise
from .events.models import (
    CalendarFeed,
    Event,
    EventQuestion,
    Registration,
    TopicProposal,
    TopicSupport,
    event_organisers,
)
from .forum.models import (
    Answer,
    AnswerVote,
    PostAttachment,
    PostReport,
    PostRevision,
    Question,
    Tag,
    question_tags,
    question_themes,
)
from .helpdesk.models import (
    CannedReply,
    Quote,
    RoutingRule,
    Ticket,
    TicketAttachment,
    TicketChange,
    TicketMessage,
    TimeEntry,
)
from .library.models import (
    Practice,
    PracticeAttachment,
    PracticeComment,
    PracticeDailyViews,
    PracticeRating,
    PracticeVersion,
    practice_organisations,
    practice_themes,
)
from .notifications.inbox import Follow, Notification, NotificationPreference
from .notifications.models import OutboxMail
from .organisations.models import Organisation, OrganisationDomain
from .reports.rollup_models import (
    ReportResolution,
    ReportRolledDay,
    ReportRollupRun,
    ReportSurveyDay,
    ReportTicketDay,
)
from .search.models import SearchDocument, SearchMiss, SearchOutboxEntry
from .signals.models import Signal
from .surveys.models import SurveyResponse
from .taxonomy.models import Programme, Spearhead, Theme, programme_advisers

__all__ = [
    "CalendarFeed",
    "Event",
    "EventQuestion",
    "Registration",
    "TopicProposal",
    "TopicSupport",
    "event_organisers",
    "CannedReply",
    "Quote",
    "RoutingRule",
    "Signal",
    "SurveyResponse",
    "Ticket",
    "TicketAttachment",
    "TicketChange",
    "TicketMessage",
    "TimeEntry",
    "Answer",
    "AnswerVote",
    "Follow",
    "Notification",
    "NotificationPreference",
    "PostAttachment",
    "PostReport",
    "PostRevision",
    "Question",
    "Tag",
    "question_tags",
    "question_themes",
    "Practice",
    "PracticeAttachment",
    "PracticeComment",
    "PracticeDailyViews",
    "PracticeRating",
    "PracticeVersion",
    "SearchDocument",
    "SearchMiss",
    "SearchOutboxEntry",
    "practice_organisations",
    "practice_themes",
    "AccountToken",
    "AuditEvent",
    "RecoveryCode",
    "SiteSetting",
    "UserSession",
    "OutboxMail",
    "Organisation",
    "OrganisationDomain",
    "ReportResolution",
    "ReportRolledDay",
    "ReportRollupRun",
    "ReportSurveyDay",
    "ReportTicketDay",
    "Programme",
    "Spearhead",
    "Theme",
    "User",
    "programme_advisers",
    "user_expertise",
]
