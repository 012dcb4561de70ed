"""Oracle for FlaskDifferentialTest: real Flask signs and reads session cookies.

Reads lines "NAME<TAB>COOKIE" (cookies written by flaskj) on stdin. For every case below it prints one JSON
line: the cookie Flask writes for the case, repr() of what Flask loads back from its own cookie, and repr() of
what Flask loads from flaskj's cookie for the same case. Lines named "reuse-..." carry other flaskj cookies: for
each, Flask prints its own cookie for what it loaded from it. Time is pinned so the cookies are reproducible.
"""
import json
import sys

try:
    from flask import Flask, request
    from itsdangerous import TimestampSigner
    from markupsafe import Markup
except ImportError as error:
    print("flask is not importable: %s" % error, file=sys.stderr)
    sys.exit(97)

from datetime import datetime, timezone
from uuid import UUID

SECRET = "differential-secret"
TIMESTAMP = 1700000000

CASES = {
    "strings": {"s": "h\u00e9llo w\u00f6rld", "emoji": "\U0001F600 party \U0001F389",
                "ctrl": "a\nb\t\"q\"\\/<>&'\x00\x7f", "empty": ""},
    "ints": {"small": 42, "neg": -7, "big": 10 ** 20, "long": 2 ** 40, "zero": 0, "negbig": -(2 ** 70)},
    "floats": {"half": 1.5, "tenth": 0.1, "e16": 1e16, "tiny": 1.5e-7, "one": 1.0, "neg": -2.5, "third": 1 / 3},
    "nested": {"a": {"b": {"c": [1, {"d": None}]}}, "flag": True, "off": False},
    "lists_tuples": {"l": [1, "x", [2, 3]], "t": (1, "a"), "nt": ((1, 2), [3, (4,)]), "empty_t": ()},
    "bytes": {"b": b"\x00\xff binary", "e": b""},
    "datetime": {"when": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)},
    "uuid": {"id": UUID("12345678-1234-5678-1234-567812345678")},
    "markup": {"m": Markup("<b>bold</b> &amp; co")},
    "flashes": {"_flashes": [("message", "You were logged in"), ("error", "bad <b>"),
                             ("info", Markup("<i>m</i>"))], "_permanent": True},
    "tag_keys": {"x": {" t": 1}, "y": {" di": [1]}},
    "compressed": {"big": "x" * 500, "user_id": 1},
    "typical": {"_permanent": True, "user_id": 12345, "is_admin": False, "theme": "dark",
                "_flashes": [("message", "Saved"), ("error", "Try again")]},
}


def main():
    TimestampSigner.get_timestamp = lambda self: TIMESTAMP
    app = Flask(__name__)
    app.secret_key = SECRET
    interface = app.session_interface
    java_cookies = dict(line.rstrip("\n").split("\t", 1) for line in sys.stdin if "\t" in line)

    def load(cookie):
        with app.test_request_context(headers={"Cookie": "session=" + cookie}):
            return repr(dict(interface.open_session(app, request)))

    with app.app_context():
        serializer = interface.get_signing_serializer(app)
        for name, value in CASES.items():
            cookie = serializer.dumps(value)
            java_cookie = java_cookies.get(name, "")
            print(json.dumps({"name": name, "cookie": cookie, "python_repr": load(cookie),
                              "java_repr": load(java_cookie) if java_cookie else None}))
        # Cookies flaskj wrote for sessions not in CASES ("reuse-..."): what Flask loads from each, signed again
        # by Flask itself. Equal to flaskj's cookie only if Flask read every value back and flaskj wrote Flask's
        # exact bytes.
        for name, java_cookie in java_cookies.items():
            if name.startswith("reuse-"):
                with app.test_request_context(headers={"Cookie": "session=" + java_cookie}):
                    loaded = dict(interface.open_session(app, request))
                print(json.dumps({"name": name, "reuse": True, "redump": serializer.dumps(loaded) if loaded else ""}))


main()
