"""Templates translate through a per-language memo that still follows the language in force."""

from flask import render_template_string, session
from flask_babel import force_locale


def test_templates_follow_the_visitors_language_and_a_forced_one(app):
    template = '{{ _("Er is een probleem") }}|{{ _("%(n)s ongelezen", n=3) }}'
    with app.test_request_context("/"):
        assert render_template_string(template) == "Er is een probleem|3 ongelezen"
        with force_locale("en"):  # a mail to a member who reads English, inside a Dutch request
            assert render_template_string(template).startswith("There is a problem|")
        assert render_template_string(template) == "Er is een probleem|3 ongelezen"
    with app.test_request_context("/"):
        session["lang"] = "en"
        assert render_template_string(template).startswith("There is a problem|")


def test_a_translated_string_is_escaped_in_templates_like_any_other(app):
    with app.test_request_context("/"):
        assert render_template_string('{{ _("%(x)s", x="<b>") }}') == "&lt;b&gt;"
