"""HTTP for bench/pages.py: gunicorn servers, plain requests and logging in through the login form."""

import http.client
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyotp

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
WORKERS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Server:
    """A running gunicorn: its base URL and a cheap page that answers 200 when it is up."""

    base: str
    ready_path: str

    def settle(self) -> None:
        """Wait until the workers have worked off what wrk left queued when it stopped.

        A sync worker answers every request it accepted, also after wrk closed the connection;
        one request per worker behind them comes back once they are done.
        """
        for _ in range(WORKERS):
            fetch(self.base, self.ready_path, {})


@contextmanager
def gunicorn(app_spec: str, env: dict, log: Path, ready_path: str):
    """Serve ``app_spec`` with 2 sync workers on a free port; yield the Server, stop it afterwards."""
    port = free_port()
    args = [GUNICORN, "-w", str(WORKERS), "-k", "sync", "-b", f"127.0.0.1:{port}",
            "--no-control-socket", "--error-logfile", str(log), app_spec]
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(process, base, ready_path, log)
        yield Server(base, ready_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(process: subprocess.Popen, base: str, path: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if fetch(base, path, {})[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {base}{path} within 60 s:\n{log.read_text()[-3000:]}")


def fetch(base: str, path: str, cookies: dict, form: dict | None = None) -> tuple[int, dict, bytes]:
    """GET (or POST ``form``) one path without following redirects; Set-Cookie goes into ``cookies``."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    headers = {"User-Agent": "bench/pages.py"}
    if cookies:
        headers["Cookie"] = cookie_header(cookies)
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request("POST" if form is not None else "GET", path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for set_cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = set_cookie.split(";", 1)[0].partition("=")
            cookies[name.strip()] = value.strip()
        return response.status, dict(response.headers), content
    finally:
        connection.close()


def cookie_header(cookies: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def _csrf_token(html: bytes) -> str:
    tag = re.search(rb'<input[^>]*name="csrf_token"[^>]*>', html)
    value = re.search(rb'value="([^"]+)"', tag.group(0)) if tag else None
    if value is None:
        raise RuntimeError("no csrf_token in the form")
    return value.group(1).decode()


def _submit(base: str, path: str, cookies: dict, fields: dict) -> str:
    """Fill the form on ``path`` (with its CSRF token); return where the server redirects to."""
    status, _headers, html = fetch(base, path, cookies)
    if status != 200:
        raise RuntimeError(f"GET {path}: {status}")
    status, headers, html = fetch(base, path, cookies, {"csrf_token": _csrf_token(html), **fields})
    if status != 302:
        errors = re.findall(rb'class="[^"]*error[^"]*"[^>]*>([^<]+)<', html)
        raise RuntimeError(f"POST {path}: {status} {b' / '.join(errors).decode()[:300]}")
    return urlsplit(headers["Location"]).path


def login(base: str, email: str, password: str, totp_secret: str | None = None) -> dict:
    """Log in through /inloggen (and /inloggen/code for a second factor); return the session cookies.

    The first page after the login is fetched once, so the cookie handed to wrk no longer carries
    the one-off "U bent ingelogd." message.
    """
    cookies: dict = {}
    landing = _submit(base, "/inloggen", cookies, {"email": email, "password": password, "next": ""})
    if landing == "/inloggen/code":
        if totp_secret is None:
            raise RuntimeError(f"{email} has a second factor and no secret was given")
        landing = _submit(base, landing, cookies, {"code": pyotp.TOTP(totp_secret).now()})
    if landing != "/overzicht":
        raise RuntimeError(f"login of {email} ended on {landing}, not on /overzicht")
    for _ in range(2):
        status = fetch(base, landing, cookies)[0]
        if status != 200:
            raise RuntimeError(f"{email}: {landing} answered {status} after the login")
    return cookies


def first_link(base: str, cookies: dict, path: str, pattern: str) -> str:
    """The first link on ``path`` whose href matches ``pattern`` (as the member sees the list)."""
    status, _headers, html = fetch(base, path, dict(cookies))
    match = re.search(rf'href="({pattern})"', html.decode())
    if status != 200 or match is None:
        raise RuntimeError(f"no link like {pattern} on {path} ({status})")
    return match.group(1)
