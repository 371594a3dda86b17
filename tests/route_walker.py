"""Walk every route in app.url_map; later features add their object ids here.

    for route in walk(app, ids={"ticket_id": 3}):
        client.open(route.url, method=route.method)
"""

from dataclasses import dataclass

from servicecentrum.security import PUBLIC_ENDPOINTS

STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")
SAMPLE_VALUES = {"integer": 1, "int": 1, "string": "voorbeeld", "path": "voorbeeld", "any": "voorbeeld"}


@dataclass(frozen=True)
class Route:
    endpoint: str
    rule: str
    method: str
    url: str

    @property
    def is_public(self) -> bool:
        return self.endpoint in PUBLIC_ENDPOINTS

    @property
    def has_arguments(self) -> bool:
        return "<" in self.rule

    def __str__(self) -> str:
        return f"{self.method} {self.rule}"


def _converter_name(rule, argument: str) -> str:
    converter = rule._converters[argument]
    return type(converter).__name__.replace("Converter", "").lower() or "string"


def _build_url(app, rule, ids: dict) -> str:
    values = {}
    for argument in rule.arguments:
        if argument in ids:
            values[argument] = ids[argument]
        else:
            values[argument] = SAMPLE_VALUES.get(_converter_name(rule, argument), "voorbeeld")
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def walk(app, methods=("GET", *STATE_CHANGING), ids: dict | None = None, include_static=False):
    """Yield one Route per (rule, method), with a URL built from ids or sample values."""
    ids = ids or {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if rule.endpoint == "static" and not include_static:
            continue
        for method in sorted((rule.methods or set()) & set(methods)):
            yield Route(rule.endpoint, rule.rule, method, _build_url(app, rule, ids))
