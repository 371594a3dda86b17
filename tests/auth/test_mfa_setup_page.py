"""The MFA set-up page: a valid QR image, the key to type, "Verder" and the recovery-code download."""

import re
import xml.etree.ElementTree as ET

import pyotp

from tests import factories

SETUP = "/account/tweestapsverificatie/instellen"
QR = "/account/tweestapsverificatie/qr.svg"
DOWNLOAD = "/account/tweestapsverificatie/herstelcodes.txt"
RECOVERY = re.compile(r"<code>([2-9a-z]{5}-[2-9a-z]{5})</code>")
SECRET = re.compile(r'<code class="secret">([A-Z2-7]+)</code>')
SVG = "{http://www.w3.org/2000/svg}svg"


def _staff_without_mfa(app, login, client, **fields):
    with app.app_context():
        user = factories.make_user(role="adviser", mfa=False, **fields)
        login(client, user)
        return user.id


def _confirm(client, post_form):
    secret = SECRET.search(client.get(SETUP).get_data(as_text=True)).group(1)
    response = post_form(client, SETUP, {"code": pyotp.TOTP(secret).now()}, page=SETUP)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_qr_code_is_a_well_formed_svg_with_a_size(app, client, login):
    _staff_without_mfa(app, login, client)
    assert 'src="/account/tweestapsverificatie/qr.svg"' in client.get(SETUP).get_data(as_text=True)
    response = client.get(QR)
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.headers["Cache-Control"] == "no-store"
    root = ET.fromstring(response.data)  # noqa: S314 (our own output)
    assert root.tag == SVG
    assert root.get("viewBox") and root.get("width") and root.get("height")


def test_the_qr_code_carries_the_members_own_pending_key(app, client, login):
    from servicecentrum.auth import mfa

    _staff_without_mfa(app, login, client, email="eigen@forum.test")
    secret = SECRET.search(client.get(SETUP).get_data(as_text=True)).group(1)
    expected = mfa.qr_code_svg(mfa.provisioning_uri(secret, "eigen@forum.test"))
    assert client.get(QR).data == expected


def test_the_qr_code_is_not_for_visitors_or_members_who_finished_set_up(app, client, login):
    anonymous = app.test_client()
    assert anonymous.get(QR).status_code == 302  # to the login page
    with app.app_context():
        login(client, factories.make_user(role="adviser"))  # MFA already on
    assert client.get(QR).status_code == 404
    officer = app.test_client()
    with app.app_context():
        login(officer, factories.make_user(role="officer"))  # MFA off: the QR of the key set-up offers
    response = officer.get(QR)
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"


def test_the_key_is_shown_in_blocks_of_four_as_a_fallback(app, client, login):
    _staff_without_mfa(app, login, client)
    page = client.get(SETUP).get_data(as_text=True)
    secret = SECRET.search(page).group(1)
    grouped = re.search(r'<code class="secret-groups">([A-Z2-7 ]+)</code>', page).group(1)
    assert grouped.replace(" ", "") == secret
    assert all(len(block) == 4 for block in grouped.split(" ")[:-1])
    assert "Lukt scannen niet" in page


def test_verder_leads_where_the_member_was_going_when_set_up_stopped_them(app, client, login, post_form):
    _staff_without_mfa(app, login, client)
    assert client.get("/helpdesk?status=open").headers["Location"] == SETUP
    page = _confirm(client, post_form)
    link = re.search(r'<a class="button button--primary" href="([^"]+)">Verder</a>', page)
    assert link and link.group(1).replace("&amp;", "&") == "/helpdesk?status=open"


def test_verder_leads_to_the_start_page_by_default(app, client, login, post_form):
    _staff_without_mfa(app, login, client)
    page = _confirm(client, post_form)
    assert re.search(r'href="/overzicht">Verder</a>', page)


def test_verder_after_login_goes_to_the_next_of_the_login_form(app, client, post_form):
    with app.app_context():
        factories.make_user(email="nieuw@forum.test", role="adviser", mfa=False)
    response = post_form(client, "/inloggen?next=/bijeenkomsten",
                         {"email": "nieuw@forum.test", "password": factories.PASSWORD,
                          "next": "/bijeenkomsten"}, page="/inloggen")
    assert response.headers["Location"] == SETUP
    assert re.search(r'href="/bijeenkomsten">Verder</a>', _confirm(client, post_form))


def test_an_outside_next_is_never_used_for_verder(app, client, post_form):
    with app.app_context():
        factories.make_user(email="nieuw2@forum.test", role="adviser", mfa=False)
    post_form(client, "/inloggen", {"email": "nieuw2@forum.test", "password": factories.PASSWORD,
                                    "next": "https://kwaad.example/"}, page="/inloggen")
    page = _confirm(client, post_form)
    assert "kwaad.example" not in page
    assert re.search(r'href="/overzicht">Verder</a>', page)


def test_the_new_recovery_codes_download_as_a_text_file(app, client, login, post_form):
    _staff_without_mfa(app, login, client)
    codes = RECOVERY.findall(_confirm(client, post_form))
    assert len(codes) == 10
    response = post_form(client, DOWNLOAD, {"codes": codes}, page="/toegankelijkheid")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.headers["Content-Disposition"] == "attachment; filename=herstelcodes-servicecentrum.txt"
    text = response.get_data(as_text=True)
    assert text.splitlines()[0].startswith("Herstelcodes voor tweestapsverificatie")
    assert "Gemaakt op:" in text
    assert all(code in text for code in codes)


def test_the_download_refuses_other_codes_and_another_members_codes(app, client, login, post_form):
    _staff_without_mfa(app, login, client)
    codes = RECOVERY.findall(_confirm(client, post_form))
    made_up = [f"{c[:-1]}{'2' if c[-1] != '2' else '3'}" for c in codes]
    assert post_form(client, DOWNLOAD, {"codes": made_up}).status_code == 403
    assert post_form(client, DOWNLOAD, {"codes": codes[:9]}).status_code == 403
    other = app.test_client()
    with app.app_context():
        login(other, factories.make_user(role="adviser"))
    assert post_form(other, DOWNLOAD, {"codes": codes}).status_code == 403


def test_the_download_works_only_right_after_the_codes_were_made(app, client, login, post_form):
    from datetime import timedelta

    from servicecentrum.auth.models import RecoveryCode
    from servicecentrum.database import utcnow
    from servicecentrum.extensions import db

    user_id = _staff_without_mfa(app, login, client)
    codes = RECOVERY.findall(_confirm(client, post_form))
    with app.app_context():
        for row in db.session.query(RecoveryCode).filter_by(user_id=user_id):
            row.created_at = utcnow() - timedelta(hours=1)
        db.session.commit()
    assert post_form(client, DOWNLOAD, {"codes": codes}).status_code == 403


def test_the_overview_offers_download_and_print_of_new_codes(app, client, login, post_form):
    _staff_without_mfa(app, login, client)
    page = _confirm(client, post_form)
    assert "Download als tekstbestand" in page
    assert re.search(r'<button type="button" class="[^"]*js-print[^"]*" hidden>Afdrukken</button>', page)
    assert re.search(r"css/mfa\.[0-9a-f]{12}\.css", page) and re.search(r"js/mfa\.[0-9a-f]{12}\.js", page)
