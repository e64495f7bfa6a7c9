#!/usr/bin/env python3
"""Deterministic benchmark corpus for rapporteur, with the same notes laid
out as a Hugo site and as a Zola site, so the three tools build the same
Markdown.

    benches/gen_corpus.py OUT --engagements N --periods P --kpis K --notes M

writes
    OUT/rapporteur/   a report repository (rapporteur.yaml, content/<id>/...)
    OUT/hugo/         hugo.toml, content/notes/*.md, trivial layouts
    OUT/zola/         config.toml, content/notes/*.md, trivial templates

M is the number of notes per engagement. Notes are 1-3 KB of Markdown with
headings, lists, a table and task items. The same seed gives the same bytes.
"""

import argparse
import os
import random

WORDS = (
    "agent approval backlog billing calendar capacity check client close contract "
    "cut-off data deadline escalation forecast handover invoice knowledge ledger "
    "migration owner payroll queue quality recovery release review risk roster "
    "schedule service staffing survey target team ticket training transition "
    "turnaround vendor volume workflow"
).split()
NAMES = ["Dana Ruiz", "Ravi Menon", "Ana Lima", "Tom Berg", "Mei Chen", "Omar Haddad"]
KINDS = ["check-in", "check-in", "check-in", "review", "workshop", "escalation", "note"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng, rng.randint(7, 14)) for _ in range(sentences))


def note_body(rng, year, month):
    parts = ["## Summary", "", paragraph(rng, rng.randint(3, 6)), "", "## Discussion", ""]
    for _ in range(rng.randint(3, 6)):
        parts.append(f"- {sentence(rng, rng.randint(6, 12))}")
    parts += ["", "| Metric | Last month | This month |", "|---|---:|---:|"]
    for _ in range(rng.randint(2, 4)):
        parts.append(f"| {rng.choice(WORDS)} | {rng.randint(60, 99)}% | {rng.randint(60, 99)}% |")
    parts += ["", paragraph(rng, rng.randint(2, 5)), "", "## Actions", ""]
    for _ in range(rng.randint(2, 4)):
        done = "x" if rng.random() < 0.5 else " "
        day = rng.randint(1, 28)
        parts.append(
            f"- [{done}] {rng.choice(NAMES)}: {sentence(rng, rng.randint(4, 8))[:-1]} "
            f"(due {year:04d}-{month:02d}-{day:02d})"
        )
    return "\n".join(parts) + "\n"


def months(count, end_year=2026, end_month=10):
    out = []
    y, m = end_year, end_month
    for _ in range(count):
        out.append((y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return list(reversed(out))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def engagement_yaml(rng, i, kpis):
    lines = [
        f"name: Engagement {i:04d}",
        f"client: {{ name: Client {i % 37:02d}, owner: {rng.choice(NAMES)} }}",
        f"provider: {{ name: Provider {i % 5}, owner: {rng.choice(NAMES)} }}",
        "services: [payroll, helpdesk]",
        f"phase: {rng.choice(['transition', 'steady', 'mature', 'renewal'])}",
        "start: 2023-01-01",
        "contract: { end: 2027-06-30, renewal_notice_days: 90, monthly_fee: 50000, currency: USD,",
        "            service_credits: { per_breach_pct: 5, cap_pct: 12 } }",
        "cadence: { check_in: weekly, review: quarterly }",
        "capacity: { hours_per_month: 1600 }",
        "audience: shared",
        "kpis:",
    ]
    for k in range(kpis):
        direction = "lower" if k % 3 == 2 else "higher"
        target = 360 if direction == "lower" else 95
        lines.append(
            f"  - {{ id: k{k}, name: KPI {k}, unit: \"{'s' if direction == 'lower' else '%'}\", "
            f"direction: {direction}, target: {target}, sla: {'true' if k < 3 else 'false'}, "
            f"owner: {'client' if k == kpis - 1 else 'provider'} }}"
        )
    lines += [
        "goals:",
        "  - { id: g1, title: Reduce errors, due: 2026-12-31, status: on-track, mutual: true }",
        "expectations:",
        "  - { text: Two business days turnaround, set_by: client, agreed: true }",
        "risks:",
        f"  - {{ id: r1, title: Key person, likelihood: {rng.randint(1, 5)}, impact: {rng.randint(1, 5)}, owner: provider, status: open, due: 2026-12-31 }}",
        "milestones:",
        "  - { date: 2026-06-01, title: A year without a missed run, celebrated: true }",
    ]
    return "\n".join(lines) + "\n"


def period_yaml(rng, y, m, kpis):
    values = []
    for k in range(kpis):
        if rng.random() < 0.03:
            values.append(f"k{k}: null")
        elif k % 3 == 2:
            values.append(f"k{k}: {rng.randint(300, 420)}")
        else:
            values.append(f"k{k}: {rng.uniform(85, 100):.1f}")
    return (
        f"period: {y:04d}-{m:02d}\n"
        f"kpis: {{ {', '.join(values)} }}\n"
        f"hours: {{ worked: {rng.randint(1450, 1800)}, overtime_requested: {rng.randint(0, 120)} }}\n"
        "survey:\n"
        f"  client: {{ trust: {rng.randint(2, 5)}, communication: {rng.randint(2, 5)} }}\n"
        f"  provider: {{ trust: {rng.randint(2, 5)}, communication: {rng.randint(2, 5)} }}\n"
        "feedback:\n"
        f"  - {{ from: {rng.choice(['client', 'provider'])}, kind: praise, text: {sentence(rng, 6)[:-1]} }}\n"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--engagements", type=int, default=100)
    ap.add_argument("--periods", type=int, default=36)
    ap.add_argument("--kpis", type=int, default=8)
    ap.add_argument("--notes", type=int, default=100, help="notes per engagement")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = args.out

    write(f"{out}/rapporteur/rapporteur.yaml", "title: Benchmark portfolio\ndefault_audience: shared\n")
    write(f"{out}/hugo/hugo.toml", 'baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    write(f"{out}/hugo/layouts/_default/single.html", "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    write(f"{out}/hugo/layouts/_default/list.html", "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    write(f"{out}/hugo/layouts/index.html", "<!DOCTYPE html><html><head><title>{{ .Site.Title }}</title></head><body>{{ len .Site.RegularPages }} notes</body></html>\n")
    write(f"{out}/zola/config.toml", 'base_url = "/"\ntitle = "Benchmark"\ncompile_sass = false\nbuild_search_index = false\n')
    write(f"{out}/zola/templates/page.html", "<!DOCTYPE html><html><head><title>{{ page.title }}</title></head><body><h1>{{ page.title }}</h1>{{ page.content | safe }}</body></html>\n")
    write(f"{out}/zola/templates/section.html", "<!DOCTYPE html><html><body><ul>{% for p in section.pages %}<li><a href=\"{{ p.permalink }}\">{{ p.title }}</a></li>{% endfor %}</ul></body></html>\n")
    write(f"{out}/zola/templates/index.html", "<!DOCTYPE html><html><body>Benchmark</body></html>\n")
    write(f"{out}/zola/content/notes/_index.md", "+++\ntitle = \"Notes\"\n+++\n")

    month_list = months(args.periods)
    for i in range(args.engagements):
        eid = f"e{i:04d}"
        base = f"{out}/rapporteur/content/{eid}"
        write(f"{base}/engagement.yaml", engagement_yaml(rng, i, args.kpis))
        for (y, m) in month_list:
            write(f"{base}/periods/{y:04d}-{m:02d}.yaml", period_yaml(rng, y, m, args.kpis))
        for n in range(args.notes):
            y, m = month_list[n * len(month_list) // max(args.notes, 1)]
            day = 1 + n % 28
            kind = KINDS[n % len(KINDS)]
            slug = f"{y:04d}-{m:02d}-{day:02d}-note-{n:04d}"
            title = f"{kind.capitalize()} {n} of {eid}"
            body = note_body(rng, y, m)
            date = f"{y:04d}-{m:02d}-{day:02d}"
            write(f"{base}/notes/{slug}.md", f"---\ntitle: {title}\ndate: {date}\nkind: {kind}\nattendees: [{rng.choice(NAMES)}]\n---\n{body}")
            write(f"{out}/hugo/content/notes/{eid}-{slug}.md", f"---\ntitle: \"{title}\"\ndate: {date}\n---\n{body}")
            write(f"{out}/zola/content/notes/{eid}-{slug}.md", f"+++\ntitle = \"{title}\"\ndate = {date}\n+++\n{body}")


if __name__ == "__main__":
    main()
