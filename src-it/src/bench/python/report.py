"""Turns scripts/bench.sh's raw results into the README's tables (markdown) and a PNG plot.

Usage: report.py OUT_DIR PLOT_PNG. Reads OUT_DIR/meta.txt, results.tsv, vt.tsv, startup.tsv and jmh.csv (each
optional), writes OUT_DIR/table.md and prints it; the plot needs matplotlib (skipped with a message if absent).

Every req/s, p99 and CPU figure is the median over the rounds; every ratio is the median of the per-round ratios
(both systems measured seconds apart in the same round), with the smallest and largest per-round ratio beside it.
"""
import csv
import os
import statistics
import sys
from collections import defaultdict

OUT, PLOT = sys.argv[1], sys.argv[2]
SYSTEMS = ["raw", "spring", "flaskj", "javalin", "flask"]
LABELS = {"raw": "raw servlet", "spring": "Spring MVC", "flaskj": "flaskj", "javalin": "Javalin",
          "flask": "Flask/gunicorn"}
ENDPOINTS = ["hello", "user", "json", "page", "session"]


def path(name):
    return os.path.join(OUT, name)


def rows(name):
    if not os.path.exists(path(name)):
        return []
    with open(path(name)) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


meta = {k: v for k, v in rows("meta.txt")}
lines = []
targets = []


def out(text=""):
    lines.append(text)


def median(values):
    return statistics.median(values) if values else float("nan")


def ratio_text(per_round):
    if not per_round:
        return "—"
    return f"**{median(per_round):.2f}** ({min(per_round):.2f}–{max(per_round):.2f})"


def target(name, value, ok):
    targets.append((name, value, ok))


out(f"Run {meta.get('date', '?')}: `{meta.get('command', 'bash scripts/bench.sh')}`, took "
    f"{meta.get('took_s', '?')} s. Machine: {meta.get('machine', '?')}. Load average (1, 5, 15 min) at the start "
    f"{meta.get('load_start', '?')}, at the end {meta.get('load_end', '?')}.")
out()

# ---------------------------------------------------------------- http
http = rows("results.tsv")
rps = defaultdict(list)       # (endpoint, system) -> [req/s per round]
p99 = defaultdict(list)
cpu = defaultdict(list)
by_round = {}                 # (round, endpoint, system) -> req/s
cpu_round = {}                # (round, endpoint, system) -> server CPU µs/request
for rnd, ep, sysname, r, p, c in http:
    cpu_round[int(rnd), ep, sysname] = float(c)
    rps[ep, sysname].append(float(r))
    p99[ep, sysname].append(float(p))
    cpu[ep, sysname].append(float(c))
    by_round[int(rnd), ep, sysname] = float(r)
rounds = sorted({k[0] for k in by_round})


def per_round(ep, a, b, ep_b=None):
    return [by_round[r, ep, a] / by_round[r, ep_b or ep, b] for r in rounds
            if (r, ep, a) in by_round and (r, ep_b or ep, b) in by_round]


if http:
    systems = [s for s in SYSTEMS if any((ep, s) in rps for ep in ENDPOINTS)]
    out(f"**HTTP**, {meta.get('http_config', '')}. JVMs: {meta.get('java', '?')}, `{meta.get('jvm_flags', '')}`; "
        f"{meta.get('javalin', 'Javalin')}; {meta.get('gunicorn', 'gunicorn')} "
        f"({meta.get('gunicorn_tuning', 'worker count set by BENCH_GUNICORN_WORKERS')}). Load average during the "
        f"rounds: {meta.get('load_http', '?')} → {meta.get('load_http_end', '?')}. Bodies checked byte-identical "
        f"to raw's before measuring ({meta.get('bodies_checked', '?')} system/endpoint pairs).")
    out()
    out("| endpoint | " + " | ".join(f"{LABELS[s]} req/s" for s in systems) + " | server CPU µs/req "
        + " / ".join(systems) + " | p99 ms " + " / ".join(systems) + " |")
    out("|---|" + "---:|" * len(systems) + "---|---|")
    for ep in ENDPOINTS:
        if (ep, "raw") not in rps:
            continue
        out(f"| {ep} | " + " | ".join(f"{median(rps[ep, s]):.0f}" for s in systems) + " | "
            + " / ".join(f"{median(cpu[ep, s]):.1f}" for s in systems) + " | "
            + " / ".join(f"{median(p99[ep, s]):.1f}" for s in systems) + " |")
    out()
    out("Ratios of req/s: median of the per-round ratios (smallest–largest round).")
    out()
    pairs = [("flaskj", "raw"), ("flaskj", "javalin"), ("flaskj", "flask"), ("flaskj", "spring")]
    pairs = [p for p in pairs if p[1] in systems]
    cpu_pairs = [b for a, b in pairs if b in ("flask", "javalin")]
    out("| endpoint | " + " | ".join(f"{a}/{b}" for a, b in pairs) + " | "
        + " | ".join(f"CPU per request {b}/flaskj" for b in cpu_pairs) + " |")
    out("|---|" + "---|" * (len(pairs) + len(cpu_pairs)))
    for ep in ENDPOINTS:
        if (ep, "raw") not in rps:
            continue
        cpu_ratios = [ratio_text([cpu_round[r, ep, b] / cpu_round[r, ep, "flaskj"] for r in rounds
                                  if (r, ep, b) in cpu_round and (r, ep, "flaskj") in cpu_round])
                      for b in cpu_pairs]
        out(f"| {ep} | " + " | ".join(ratio_text(per_round(ep, a, b)) for a, b in pairs) + " | "
            + " | ".join(cpu_ratios) + " |")
        if ("raw" in systems):
            v = median(per_round(ep, "flaskj", "raw"))
            target(f"flaskj/raw ≥ 0.95 on {ep}", f"{v:.2f}", v >= 0.95)
        if "javalin" in systems:
            v = median(per_round(ep, "flaskj", "javalin"))
            target(f"flaskj/Javalin ≥ 1.0 on {ep}", f"{v:.2f}", v >= 1.0)
        if "flask" in systems and ep in ("user", "json"):
            v = median(per_round(ep, "flaskj", "flask"))
            target(f"flaskj/Flask ≥ 10 on {ep}", f"{v:.1f}", v >= 10)
    out()
    if ("page-direct", "flaskj") in rps:
        direct = per_round("page-direct", "flaskj", "flaskj", "page")
        out(f"`renderTemplate` against Thymeleaf's `TemplateEngine` called directly in the flaskj context: time per "
            f"page `page`/`page-direct` = {ratio_text(direct)}.")
        out()
    if ("page", "flaskj-jinja") in rps:
        out(f"page-jinja (flaskj with `TEMPLATE_ENGINE=jinja`, the Jinja template Flask renders): "
            f"{median(rps['page', 'flaskj-jinja']):.0f} req/s, {median(cpu['page', 'flaskj-jinja']):.1f} µs/req; "
            f"flaskj-jinja/flaskj (Thymeleaf) {ratio_text(per_round('page', 'flaskj-jinja', 'flaskj'))}, "
            f"flaskj-jinja/Flask {ratio_text(per_round('page', 'flaskj-jinja', 'flask'))}.")
    else:
        out("page-jinja: not measured (flaskj with `TEMPLATE_ENGINE=jinja`: `BENCH_PAGE_JINJA=1` once the Jinja "
            "engine is in flaskj).")
    out()

# ---------------------------------------------------------------- vt
vt = rows("vt.tsv")
if vt:
    vrps = defaultdict(list)
    vp99 = defaultdict(list)
    vcpu = defaultdict(list)
    vround = {}
    mismatches = 0
    for rnd, container, threads, ctx, r, p, c, m in vt:
        key = (container, threads, ctx)
        vrps[key].append(float(r))
        vp99[key].append(float(p))
        vcpu[key].append(float(c))
        vround[int(rnd), key] = float(r)
        mismatches += int(m) if m.isdigit() else 0
    vrounds = sorted({k[0] for k in vround})

    def vratio(a, b):
        return [vround[r, a] / vround[r, b] for r in vrounds if (r, a) in vround and (r, b) in vround]

    out(f"**Blocking endpoint** (the view sleeps 20 ms), {meta.get('vt_config', '')}, on "
        f"{meta.get('vt_java', '?')} (`ulimit -n` {meta.get('ulimit_n', '?')}). Load average: "
        f"{meta.get('load_vt', '?')}. Mismatched request ids over all runs: **{mismatches}**.")
    out()
    out("| container | threads | raw req/s | flaskj req/s | flaskj/raw | p99 ms raw / flaskj | server CPU µs/req raw / flaskj |")
    out("|---|---|---:|---:|---|---|---|")
    for container in ("tomcat", "jetty"):
        for threads in ("platform", "virtual"):
            a, b = (container, threads, "flaskj"), (container, threads, "raw")
            if a not in vrps:
                continue
            out(f"| {container} | {threads} | {median(vrps[b]):.0f} | {median(vrps[a]):.0f} | {ratio_text(vratio(a, b))} | "
                f"{median(vp99[b]):.0f} / {median(vp99[a]):.0f} | {median(vcpu[b]):.1f} / {median(vcpu[a]):.1f} |")
    out()
    out("| container | context | virtual/platform req/s |")
    out("|---|---|---|")
    for container in ("tomcat", "jetty"):
        for ctx in ("raw", "flaskj"):
            r = vratio((container, "virtual", ctx), (container, "platform", ctx))
            if r:
                out(f"| {container} | {ctx} | {ratio_text(r)} |")
                if ctx == "flaskj":
                    target(f"blocking: virtual ≥ 3× platform ({container}, flaskj)", f"{median(r):.2f}",
                           median(r) >= 3)
        r = vratio((container, "virtual", "flaskj"), (container, "virtual", "raw"))
        if r:
            target(f"blocking: flaskj ≥ 0.9× raw on virtual threads ({container})", f"{median(r):.2f}",
                   median(r) >= 0.9)
    target("blocking: zero request-id mismatches", str(mismatches), mismatches == 0)
    out()

# ---------------------------------------------------------------- startup
startup = rows("startup.tsv")
if startup:
    by_ctx = defaultdict(lambda: defaultdict(list))
    for run, ctx, init_ms, app_ms, first_ms, heap, cpu_ms, classes in startup:
        by_ctx[ctx]["cpu"].append(float(cpu_ms))
        by_ctx[ctx]["classes"].append(int(classes))
        by_ctx[ctx]["init"].append(float(init_ms))
        by_ctx[ctx]["app"].append(float(app_ms))
        by_ctx[ctx]["heap"].append(int(heap) / 1048576)

    def spread(values, fmt):
        return f"{fmt.format(median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"

    out(f"**Start-up and idle memory**, {len(by_ctx['flaskj']['init'])} fresh JVMs per context (median, smallest–"
        f"largest): Tomcat 11 already serving, the context added, its `page` fetched once.")
    out()
    out("| context | filter init → first page response, ms | app built → first page response, ms | JVM CPU over that, ms | classes loaded | heap retained by the idle context, MiB |")
    out("|---|---:|---:|---:|---:|---:|")
    for ctx in ("flaskj", "raw"):
        if ctx in by_ctx:
            d = by_ctx[ctx]
            out(f"| {ctx} | {spread(d['init'], '{:.0f}')} | {spread(d['app'], '{:.0f}')} | {spread(d['cpu'], '{:.0f}')} | {median(d['classes']):.0f} | {spread(d['heap'], '{:.1f}')} |")
    out()
    if "flaskj" in by_ctx:
        v = median(by_ctx["flaskj"]["init"])
        target("start-up (filter init → first response, 200 routes, Thymeleaf) ≤ 150 ms", f"{v:.0f} ms", v <= 150)

# ---------------------------------------------------------------- jmh
if os.path.exists(path("jmh.csv")):
    with open(path("jmh.csv")) as f:
        jmh = list(csv.DictReader(f))
    scores = {}
    alloc = {}
    for row in jmh:
        name = row["Benchmark"].split(".", 2)[-1] if row["Benchmark"].count(".") >= 2 else row["Benchmark"]
        name = row["Benchmark"].replace("dev.flaskj.signing.", "").replace("dev.flaskj.", "")
        if name.endswith(":gc.alloc.rate.norm"):
            alloc[name.split(":")[0]] = float(row["Score"])
        elif ":" not in name:
            scores[name] = (float(row["Score"]), row["Score Error (99.9%)"], row["Unit"])
    out(f"**JMH** (`-prof gc`, one fork; ± is JMH's 99.9 % interval).")
    out()
    out("| benchmark | time | allocated per operation |")
    out("|---|---:|---:|")
    for name, (score, error, unit) in scores.items():
        err = f" ± {float(error):.1f}" if error not in ("", "NaN") else ""
        unit = unit.replace("/op", "").replace("us", "µs")
        out(f"| `{name}` | {score:.1f}{err} {unit} | {alloc.get(name, float('nan')):.0f} B |")
    out()
    if "SessionCodecBenchmark.roundTripModified" in scores:
        v = scores["SessionCodecBenchmark.roundTripModified"][0]
        target("session codec roundTripModified ≤ 10 µs", f"{v:.1f} µs", v <= 10)

if targets:
    out("**Targets**")
    out()
    out("| target | measured | met |")
    out("|---|---:|---|")
    for name, value, ok in targets:
        out(f"| {name} | {value} | {'yes' if ok else '**no**'} |")
    out()

with open(path("table.md"), "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))

# ---------------------------------------------------------------- plot
if http:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print(f"(no plot: python3 cannot import matplotlib; pip install matplotlib)", file=sys.stderr)
        sys.exit(0)
    systems = [s for s in SYSTEMS if any((ep, s) in rps for ep in ENDPOINTS)]
    eps = [ep for ep in ENDPOINTS if (ep, "raw") in rps]
    colors = {"raw": "#7f7f7f", "spring": "#6a9e3f", "flaskj": "#1f5fa8", "javalin": "#d98b2b", "flask": "#b03a48"}
    panels = 3 if vt else 2
    fig, axes = plt.subplots(panels, 1, figsize=(10, 3.6 * panels))
    width = 0.8 / len(systems)
    for ax, data, title in ((axes[0], rps, "requests per second (median; higher is better)"),
                            (axes[1], cpu, "server CPU µs per request (median; lower is better)")):
        for i, s in enumerate(systems):
            xs = [j + (i - (len(systems) - 1) / 2) * width for j in range(len(eps))]
            ax.bar(xs, [median(data[ep, s]) for ep in eps], width, label=LABELS[s], color=colors[s])
        ax.set_xticks(range(len(eps)))
        ax.set_xticklabels(eps)
        ax.set_title(title, fontsize=10)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(ncol=len(systems), fontsize=8, loc="upper right")
    if vt:
        ax = axes[2]
        groups = [(c, t) for c in ("tomcat", "jetty") for t in ("platform", "virtual")]
        for i, ctx in enumerate(("raw", "flaskj")):
            xs = [j + (i - 0.5) * 0.4 for j in range(len(groups))]
            ax.bar(xs, [median(vrps[c, t, ctx]) for c, t in groups], 0.4, label=LABELS[ctx], color=colors[ctx])
        ax.set_xticks(range(len(groups)))
        ax.set_xticklabels([f"{c} {t}" for c, t in groups])
        ax.set_title(f"blocking endpoint (20 ms sleep), {meta.get('vt_config', '').split(',')[0]}: requests per second",
                     fontsize=10)
        ax.legend(fontsize=8)
        ax.grid(axis="y", alpha=0.3)
    fig.suptitle(f"flaskj benchmark, {meta.get('date', '')}, {meta.get('machine', '').split(',')[0]}, "
                 f"load {meta.get('load_start', '?')}", fontsize=11)
    fig.tight_layout()
    os.makedirs(os.path.dirname(PLOT) or ".", exist_ok=True)
    fig.savefig(PLOT, dpi=110)
    print(f"(plot: {PLOT})")
