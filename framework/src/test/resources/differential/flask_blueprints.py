"""Oracle for BlueprintsDifferentialTest: real Flask serves a blueprint's app-wide hooks and URL processors.

Prints "PORT <n>" once listening on 127.0.0.1, then serves until stdin is closed (or 120 s pass). The Java twin
of this app is BlueprintsDifferentialTest.Twin; keep them alike.
"""
import os
import sys
import threading

try:
    import flask
    from flask import Blueprint, Flask, abort, g, render_template, request, url_for
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

# Blueprint static and template folders: the same files the Java twin's webapp has (the test writes them next to
# this script, in webapp/).
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "webapp")
one = Blueprint("one", __name__, url_prefix="/one", template_folder=os.path.join(ROOT, "one/templates"))
admin = Blueprint("admin", __name__, url_prefix="/admin", static_folder=os.path.join(ROOT, "admin/static"),
                  template_folder=os.path.join(ROOT, "admin/templates"))


@admin.route("/t/<name>")
def render(name):
    return render_template(name)


@admin.route("/links")
def links():
    return url_for(".static", filename="a b.txt") + " " + url_for("admin.static", filename="x.css")


app.register_blueprint(one)  # before admin: its templates are searched first
app.register_blueprint(admin)
app.register_blueprint(admin, name="admin2", url_prefix="/admin2")

# Werkzeug's rule options
app.add_url_rule("/new/<int:id>", "new", lambda id: "new %d" % id)
app.add_url_rule("/old/<int:id>", "old", redirect_to="/new/<id>")
app.add_url_rule("/rel/<int:id>", "rel", redirect_to="new/<id>")
app.add_url_rule("/alias/<int:id>", "new", alias=True)
app.add_url_rule("/cdn/<path:f>", "cdn", build_only=True)
app.add_url_rule("/built", "built", lambda: url_for("cdn", f="x.css") + " " + url_for("new", id=3))
app.add_url_rule("/a//b", "ab", lambda: "ab", merge_slashes=False)


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
