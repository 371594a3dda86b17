"""Static files as a CDN serves them: content-hashed names, cached for a year, no app code.

At start each process makes (once; later processes find it made) a build folder with every
file of ``static/`` under a name that holds a hash of its content (``css/site.css`` →
``css/site.5d41402abc4b.css``), with the relative imports of JavaScript modules pointing at
the hashed names too, and gzip copies. ``url_for('static', filename=...)`` builds the
hashed names. WhiteNoise serves the folder in front of Flask, so a static file costs no
session lookup, no database query and no ``Vary: Cookie``; a hashed name never changes its
content, so it is cached for a year as immutable. The plain names stay reachable (a
bookmark, a file without a hash) with a short cache time.
"""

import hashlib
import os
import re
import tempfile
from pathlib import Path

from flask import Flask
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

IMMUTABLE = "public, max-age=31536000, immutable"
PLAIN_MAX_AGE = 300  # seconds, for the plain (unhashed) names
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+(\.gz|\.br)?$")
JS_IMPORT = re.compile(r"""(\bimport\s*(?:[^"';]*?\bfrom\s*)?["'])(\.{1,2}/[^"']+)(["'])""")
COMPRESSED = ("css", "js", "svg", "txt", "md", "json")


def init_app(app: Flask) -> None:
    """Build the hashed copies, make url_for use them, and serve them with WhiteNoise."""
    source = Path(app.static_folder)
    build = Path(app.config.get("STATIC_BUILD_DIR") or Path(app.instance_path) / "static-build")
    manifest = build_static_files(source, build)
    app.extensions["static_manifest"] = manifest

    @app.url_defaults
    def _hashed_static_name(endpoint, values):
        if endpoint == "static" and "filename" in values:
            values["filename"] = manifest.get(values["filename"], values["filename"])

    app.wsgi_app = WhiteNoise(app.wsgi_app, root=str(build), prefix=app.static_url_path.strip("/") + "/",
                              max_age=PLAIN_MAX_AGE, immutable_file_test=_is_hashed,
                              add_headers_function=_add_headers)


def _is_hashed(_path: str, url: str) -> bool:
    return bool(HASHED_NAME.search(url))


def _add_headers(headers, _path: str, url: str) -> None:
    if _is_hashed(_path, url):
        headers["Cache-Control"] = IMMUTABLE
    headers["X-Content-Type-Options"] = "nosniff"


def build_static_files(source: Path, build: Path) -> dict[str, str]:
    """Copy every static file to build/ under its plain and its hashed name; return plain → hashed."""
    files = sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    contents = {name: (source / name).read_bytes() for name in files}
    manifest: dict[str, str] = {}
    # Files that import no other file first, so that an importer hashes the hashed names.
    for name in sorted(files, key=lambda n: bool(_imports(n, contents[n]))):
        content = _rewrite_imports(name, contents[name], manifest)
        contents[name] = content
        manifest[name] = _hashed_name(name, content)
    compressor = Compressor(extensions=COMPRESSED, use_brotli=False, quiet=True)
    for name in files:
        for target in (name, manifest[name]):
            path = build / target
            if _write_if_changed(path, contents[name]) and name.rsplit(".", 1)[-1] in COMPRESSED:
                list(compressor.compress(str(path)))
    return manifest


def _hashed_name(name: str, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:12]
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{digest}.{extension}" if dot and "/" not in extension else f"{name}.{digest}"


def _imports(name: str, content: bytes) -> list[str]:
    if not name.endswith(".js"):
        return []
    return [match.group(2) for match in JS_IMPORT.finditer(content.decode("utf-8", "replace"))]


def _rewrite_imports(name: str, content: bytes, manifest: dict[str, str]) -> bytes:
    """Point relative module imports at the hashed names of the files they import."""
    if not _imports(name, content):
        return content
    folder = os.path.dirname(name)

    def hashed(match: re.Match) -> str:
        target = os.path.normpath(os.path.join(folder, match.group(2))).replace(os.sep, "/")
        if target not in manifest:
            return match.group(0)
        relative = os.path.relpath(manifest[target], folder or ".").replace(os.sep, "/")
        relative = relative if relative.startswith(".") else "./" + relative
        return match.group(1) + relative + match.group(3)

    return JS_IMPORT.sub(hashed, content.decode("utf-8")).encode("utf-8")


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Write atomically (several workers may build at once); tell whether anything was written."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)
    return True
