"""The Flask 3.1 peer of scripts/bench.sh: the same endpoints and bytes as the Java contexts, as Flask users write
them. Served by gunicorn (gthread workers) under SCRIPT_NAME=/flask, so links render as /flask/...

The page is the Jinja twin of the Thymeleaf template (bench/jinja/page.html); the session is Flask's own signed
cookie, which reads the cookie the Java contexts write (same secret key).
"""
import os

from flask import Flask, render_template, session

HERE = os.path.dirname(os.path.abspath(__file__))
app = Flask(__name__, template_folder=os.path.join(HERE, "..", "resources", "bench", "jinja"))
app.secret_key = "bench-secret-key-that-is-long-enough-for-hmac"
# Thymeleaf keeps the template file's final newline; Jinja drops it unless told, and the bodies must be identical.
app.jinja_env.keep_trailing_newline = True

ITEM = {"active": True, "id": 42, "name": "flaskj", "tags": ["a", "b", "c"]}


@app.get("/hello")
def hello():
    return "Hello, World!"


@app.get("/user/<name>")
def user(name):
    return f"User {name}"


def extra(id):
    return f"extra {id}"


for i in range(200):
    app.add_url_rule(f"/extra{i}/<id>", f"extra{i}", extra)


@app.get("/json")
def json():
    return ITEM


@app.get("/page")
def page():
    return render_template("page.html", name="<World>")


@app.get("/session")
def counter():
    session["count"] = session.get("count", 0) + 1
    return f"count={session['count']}"
