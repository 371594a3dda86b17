"""Send stored uploads to the browser as downloads."""

from flask import abort, send_file

from .library.attachments import file_path


def download_response(attachment):
    """Send a stored attachment as a download, never inline (404 when its file is gone)."""
    path = file_path(attachment)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=attachment.content_type, as_attachment=True,
                         download_name=attachment.filename, conditional=False, etag=False, max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
