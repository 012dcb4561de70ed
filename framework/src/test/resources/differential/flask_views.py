"""Oracle for ViewsDifferentialTest: real Flask serves view decorators and MethodViews over HTTP.

Prints "PORT <n>" once listening on 127.0.0.1, then serves until stdin is closed (or 120 s pass). The Java twin
of this app is ViewsDifferentialTest.Twin; keep them alike.
"""
import functools
import os
import sys
import threading

try:
    import flask
    from flask.views import MethodView
    from werkzeug.serving import make_server
except ImportError as error:
    print("flask is not importable: %s" % error, file=sys.stderr)
    sys.exit(97)

app = flask.Flask("views")


def login_required(view):
    @functools.wraps(view)
    def wrapped_view(**kwargs):
        if flask.request.headers.get("X-User") is None:
            return flask.redirect(flask.url_for("login"))
        return view(**kwargs)

    return wrapped_view


def tracing(name):
    def decorator(view):
        @functools.wraps(view)
        def wrapped_view(**kwargs):
            flask.g.seen = getattr(flask.g, "seen", "") + name
            response = flask.make_response(view(**kwargs))
            trace = response.headers.get("X-Trace")
            response.headers["X-Trace"] = name if trace is None else trace + "," + name
            return response

        return wrapped_view

    return decorator


@app.route("/login")
def login():
    return "login page"


@app.route("/secret/<int:id>")
@login_required
def secret(id):
    return "secret %d for %s" % (id, flask.request.headers["X-User"])


@app.route("/ab")
@tracing("A")
@tracing("B")
def ab():
    return "seen " + flask.g.seen


class Items(MethodView):
    decorators = [tracing("C")]

    def get(self, id):
        return "item %d %s" % (id, flask.request.method)

    def put(self, id):
        return "put %d" % id


app.add_url_rule("/items/<int:id>", view_func=Items.as_view("items"))


class Only(MethodView):
    def post(self):
        return "posted"


app.add_url_rule("/only", view_func=Only.as_view("only"))

server = make_server("127.0.0.1", 0, app, threaded=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
print("PORT %d" % server.server_port, flush=True)
watchdog = threading.Timer(120, lambda: os._exit(2))
watchdog.daemon = True
watchdog.start()
sys.stdin.read()  # the test closes stdin when it is done
server.shutdown()
