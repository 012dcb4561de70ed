"""Oracle for HttpApiDifferentialTest: the Flask twin of the flaskj app in that test, served over HTTP.

Serves on 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and stops when stdin is closed or after
120 seconds, whichever comes first.
"""
import io
import sys
import threading

try:
    from datetime import datetime, timezone
    from flask import Flask, make_response, request, send_file, session
    from werkzeug.serving import make_server
except ImportError as error:
    print("flask is not importable: %s" % error, file=sys.stderr)
    sys.exit(97)

app = Flask(__name__)
app.secret_key = "differential"
STAMP = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def show(v):
    return "-" if v is None else str(v)


@app.route("/auth")
def auth():
    a = request.authorization
    if a is None:
        return "none"
    params = ",".join("%s=%s" % (k, a.parameters[k]) for k in sorted(a.parameters))
    return "|".join([a.type, show(a.username), show(a.password), show(a.token), params])


@app.route("/negotiate")
def negotiate():
    return "|".join([
        show(request.accept_mimetypes.best_match(["application/json", "text/html", "image/png"])),
        show(float(request.accept_mimetypes["text/html"])),
        show(request.accept_languages.best_match(["de", "en-US", "fr-CA"])),
        show(request.accept_languages.best),
        show(request.accept_charsets.best_match(["utf-8", "iso-8859-1"])),
        show(request.accept_encodings.best_match(["gzip", "br", "identity"])),
        show(float(request.accept_encodings["br"])),
    ])


@app.route("/info", methods=["GET", "POST"])
def info():
    ims = request.if_modified_since
    cc = request.cache_control
    rng = request.range
    return "|".join([
        show(request.is_secure), show(request.referrer), show(request.origin), ",".join(request.access_route),
        show(None if ims is None else int(ims.timestamp())), ",".join(sorted(request.if_none_match.as_set())),
        show(None if rng is None else rng.to_header()), show(cc.max_age), show(cc.no_cache), show(cc.no_store),
        ",".join("%s=%s" % kv for kv in sorted(request.mimetype_params.items())),
        "json:" + ("-" if request.get_json(silent=True) is None else "some"),
    ])


@app.route("/cache")
def cache():
    r = make_response("cached")
    r.cache_control.public = True
    r.cache_control.max_age = 600
    r.cache_control.s_maxage = 60
    r.cache_control.must_revalidate = True
    r.cache_control.immutable = True
    r.cache_control.stale_while_revalidate = 30
    r.set_etag("abc", weak=True)
    r.last_modified = STAMP
    r.expires = STAMP
    r.vary.add("Accept-Encoding")
    r.vary.add("Accept-Language")
    r.content_language.add("de-DE")
    session.get("x")
    return r


@app.route("/nocache")
def nocache():
    r = make_response("private")
    r.cache_control.no_store = True
    r.cache_control.no_cache = True
    r.cache_control.private = True
    r.cache_control.max_age = 0
    return r


def conditional_response():
    r = make_response("Hello World")
    r.set_etag("v1")
    r.last_modified = STAMP
    return r


@app.route("/cond")
def cond():
    return conditional_response().make_conditional(request)


@app.route("/range")
def range_():
    return conditional_response().make_conditional(request, accept_ranges=True, complete_length=11)


@app.route("/etag")
def etag():
    r = make_response("Hello World")
    r.add_etag()
    return r.make_conditional(request)


@app.route("/file-bytes")
def file_bytes():
    return send_file(io.BytesIO(b"Hello World"), mimetype="text/plain", as_attachment=True,
                     download_name="hello.txt", etag="v1", last_modified=STAMP, max_age=60)


@app.route("/file-named")
def file_named():
    return send_file(io.BytesIO(b"%PDF-1.4 x"), download_name="r\u00e9sum\u00e9 2024.pdf")


server = make_server("127.0.0.1", 0, app, threaded=True)
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
print("PORT %d" % server.server_port, flush=True)
stopper = threading.Timer(120, server.shutdown)
stopper.daemon = True
stopper.start()
try:
    sys.stdin.read()
finally:
    server.shutdown()
