"""Oracle for BlueprintsDifferentialTest: real Flask serves a blueprint's app-wide hooks and URL processors.

Prints "PORT <n>" once listening on 127.0.0.1, then serves until stdin is closed (or 120 s pass). The Java twin
of this app is BlueprintsDifferentialTest.Twin; keep them alike.
"""
import os
import sys
import threading

try:
    import flask
    from flask import Blueprint, Flask, abort, g, request, url_for
    from werkzeug.serving import make_server
except ImportError as error:
    print("flask is not importable: %s" % error, file=sys.stderr)
    sys.exit(97)

app = Flask(__name__)


@app.before_request
def app1():
    g.trace = ["app1"]


@app.url_defaults
def ref_for_home(endpoint, values):
    if endpoint == "home":
        values.setdefault("ref", "x")


bp = Blueprint("frontend", __name__, url_prefix="/<lang_code>")


@bp.url_defaults
def add_language_code(endpoint, values):
    values.setdefault("lang_code", g.lang_code)


@bp.url_value_preprocessor
def pull_lang_code(endpoint, values):
    g.lang_code = values.pop("lang_code")


@bp.before_request
def local():
    g.trace.append("local:" + request.blueprint)


@bp.before_app_request
def bp_app():
    g.trace.append("bp-app")


@bp.after_app_request
def stamp(response):
    response.headers["X-Trace"] = ",".join(g.get("trace", []))
    return response


@bp.app_errorhandler(404)
def not_found(e):
    return "not found in %s" % request.blueprint, 404


@bp.route("/")
def index():
    return g.lang_code + " " + url_for(".about")


@bp.route("/about")
def about():
    return url_for(".index") + " " + url_for("home") + " " + url_for("frontend.index", lang_code="en")


@bp.route("/missing")
def missing():
    abort(404)


app.register_blueprint(bp)
app.register_blueprint(bp, name="again", url_prefix="/again/<lang_code>")


@app.route("/")
def home():
    return "home " + url_for("home")


@app.before_request
def app2():
    g.trace.append("app2")


server = make_server("127.0.0.1", 0, app, threaded=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
print("PORT %d" % server.server_port, flush=True)
watchdog = threading.Timer(120, lambda: os._exit(2))
watchdog.daemon = True
watchdog.start()
sys.stdin.read()  # the test closes stdin when it is done
server.shutdown()
