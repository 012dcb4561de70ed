# Renders the differential cases with real Flask; prints {case: html} as JSON. Usage: render.py TEMPLATE_FOLDER
import datetime, json, sys
from flask import Blueprint, Flask, flash, g, render_template, render_template_string, session
from markupsafe import Markup

app = Flask(__name__, template_folder=sys.argv[1])
app.config.update(SECRET_KEY="k", SERVER_NAME="example.test", APP_NAME="Demo <App>")
auth = Blueprint("auth", __name__, url_prefix="/auth")
blog = Blueprint("blog", __name__)
for bp, rule, ep in [(auth, "/register", "register"), (auth, "/login", "login"), (auth, "/logout", "logout"),
                     (blog, "/", "index"), (blog, "/create", "create"), (blog, "/<int:id>/update", "update"),
                     (blog, "/<int:id>/delete", "delete")]:
    bp.add_url_rule(rule, ep, lambda **kw: "")
app.register_blueprint(auth)
app.register_blueprint(blog)
app.add_url_rule("/", endpoint="index")
app.add_template_filter(lambda s: str(s)[::-1], "reverse")
app.add_template_global("My <Site>", "site")
app.add_template_test(lambda n: n % 2 == 0, "even")

@app.context_processor
def extra():
    return {"processed": "from a context processor"}

ALICE = {"id": 1, "username": "alice"}
POSTS = [
    {"id": 1, "title": "Hello <World>", "body": "Body & \"quotes\" 'single'", "author_id": 1, "username": "alice",
     "created": datetime.datetime(2024, 5, 6, 7, 8, 9)},
    {"id": 2, "title": "Second", "body": "Other", "author_id": 2, "username": "bob",
     "created": datetime.datetime(2023, 12, 31, 23, 59, 0)},
]
S = "<a href=\"x\">'&'</a>"
STRINGS = {
    "escape": "{{ s }}|{{ s|e }}|{{ m }}|{{ s|safe }}|{{ m|e }}|{{ s|upper }}",
    "tojson": "<script>var d = {{ d|tojson }};</script><div data-d='{{ d|tojson }}'></div>",
    "orand": "{{ missing or 'dflt' }}|{{ 'x' and 'y' }}|{{ '' or 'z' }}|{{ request.form['title'] or 'none' }}|{{ request.args.get('q', 'noq') }}",
    "strs": "{{ 'hello world'.upper() }}|{{ 'hello wORLD'.title() }}|{{ 'a b  c'.split()|join(',') }}|{{ 'a,b'.split(',')|join(';') }}|{{ 'abc'.startswith('a') }}|{{ 'abc'.endswith('x') }}|{{ ' pad '.strip() }}|{{ 'x-y'.replace('-', '+') }}",
    "dicts": "{{ d.get('x', 'def') }}|{{ d.get('b')|join(',') }}|{{ d['a'] }}|{{ d.a }}|{% for k, v in d.items()|sort %}{{ k }}={{ v }};{% endfor %}",
    "urls": "{{ url_for('blog.update', id=3) }}|{{ url_for('index', _anchor='top') }}|{{ url_for('blog.index', _external=True) }}|{{ url_for('blog.index', page=2) }}|{{ url_for('static', filename='a b.css') }}",
    "flashes": "{% for c, m in get_flashed_messages(with_categories=true) %}{{ c }}:{{ m }};{% endfor %}",
    "appext": "{{ 'abc'|reverse }}|{{ site }}|{% if 4 is even %}even{% endif %}|{% if 3 is even %}odd?{% endif %}|{{ processed }}",
    "contexts": "{{ config['APP_NAME'] }}|{{ session['user'] }}|{{ g.user['username'] }}|{{ request.method }}|{{ request.path }}",
    "dates": "{{ when.strftime('%Y-%m-%d %H:%M:%S %A %a %B %b %p %I %j %y') }}",
    "values": "{{ true }}|{{ false }}|{{ 1.5 }}|{{ n }}|{{ n + 1 }}",
    "reprs": "{{ [1, 'a', \"it's\"] }}|{{ {'a': [1.5, true]} }}|{{ d.b }}",
}
FILES = {
    "login": ("auth/login.html", dict(user=None, flash="Incorrect username.")),
    "register": ("auth/register.html", dict(user=None)),
    "index-anon": ("blog/index.html", dict(user=None, posts=POSTS)),
    "index-alice": ("blog/index.html", dict(user=ALICE, posts=POSTS, flash="Title is required.")),
    "create": ("blog/create.html", dict(user=ALICE)),
    "update": ("blog/update.html", dict(user=ALICE, post=POSTS[0])),
    "page": ("cases/page.html", dict(user=ALICE, n=7, q="a\"b<c>", items=["x", "y", "z"])),
    "plain": ("cases/plain.txt", dict(user=None, s=S)),
}
out = {}
for name, src in STRINGS.items():
    with app.test_request_context("/", method="GET"):
        g.user = ALICE
        session["user"] = "sess<ion>"
        flash("first <msg>", "error")
        flash("second", "message")
        out[name] = render_template_string(src, s=S, m=Markup("<b>ok</b>"), n=41,
                                           d={"a": "</script>&'", "b": [1, 2]},
                                           when=datetime.datetime(2024, 2, 3, 16, 5, 6))
for name, (template, ctx) in FILES.items():
    with app.test_request_context("/", method="GET"):
        g.user = ctx.pop("user")
        message = ctx.pop("flash", None)
        if message:
            flash(message)
        out[name] = render_template(template, **ctx)
print(json.dumps(out))
