#!/usr/bin/env python3
"""How long `rapporteur serve` takes to show an edited note.

Starts `rapporteur serve` on a copy of a report repository, then N times:
appends a new word to one note, and polls that note's page over HTTP until
the word is there. The time from the end of the write to the first response
holding the word is the latency a person sees (file-system event, debounce,
partial rebuild, swap, HTTP). Also collects the server's own "rebuilt ... in
X ms" lines and, from --verbose, when the edited note's page was swapped in
ahead of the rest.

    benches/serve_latency.py ROOT [--runs 20] [--bin target/release/rapporteur]

ROOT's content/, themes/ and rapporteur.yaml are copied to a temporary
folder first, so ROOT is never changed.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--bin", default="target/release/rapporteur")
    ap.add_argument("--as-of", default="2026-11-23")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="serve-latency-")
    root = os.path.join(work, "repo")
    os.makedirs(root)
    for part in ("content", "themes", "rapporteur.yaml"):
        src = os.path.join(args.root, part)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(root, part))
        elif os.path.exists(src):
            shutil.copy(src, root)
    engagement = sorted(os.listdir(os.path.join(root, "content")))[0]
    notes = os.path.join(root, "content", engagement, "notes")
    note = sorted(n for n in os.listdir(notes) if n.endswith(".md"))[-1]
    path = os.path.join(notes, note)
    page = f"engagements/{engagement}/notes/{note[:-3]}.html"

    server = subprocess.Popen(
        [args.bin, "serve", "--root", root, "--port", "0", "--as-of", args.as_of, "--verbose"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    logs = []
    threading.Thread(
        target=lambda: [logs.append(line) for line in server.stderr], daemon=True
    ).start()
    try:
        line = server.stdout.readline()
        url = re.search(r"http://\S+", line).group(0)
        first = [l for l in logs if l.startswith("built")]
        latencies = []
        for i in range(args.runs):
            word = f"latencyprobe{i}x{int(time.time() * 1000)}"
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\nParagraph {word}.\n")
            start = time.perf_counter()
            while True:
                with urllib.request.urlopen(url + page) as r:
                    if word.encode() in r.read():
                        break
                if time.perf_counter() - start > 30:
                    sys.exit(f"the page did not change within 30 s; server said: {logs[-3:]}")
            latencies.append((time.perf_counter() - start) * 1000)
            # The next edit waits for this rebuild to finish.
            while sum(l.startswith("rebuilt") or l.startswith("built") for l in logs) < i + 2:
                if time.perf_counter() - start > 60:
                    sys.exit(f"the rebuild did not finish; server said: {logs[-3:]}")
                time.sleep(0.01)
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work)

    rebuilt = [float(m.group(1)) for l in logs if (m := re.search(r"rebuilt .* in (\d+) ms", l))]
    print(f"repository: {args.root} ({engagement}, note {note})")
    print(f"first full build: {first[0].strip() if first else '?'}")
    q = statistics.quantiles(latencies, n=10)
    print(
        f"edit -> page served with the change, {len(latencies)} edits: "
        f"median {statistics.median(latencies):.0f} ms, p90 {q[-1]:.0f} ms, "
        f"min {min(latencies):.0f} ms, max {max(latencies):.0f} ms"
    )
    if rebuilt:
        q = statistics.quantiles(rebuilt, n=10) if len(rebuilt) > 1 else [rebuilt[0]]
        print(
            f"server's partial rebuild ({len(rebuilt)} of them): "
            f"median {statistics.median(rebuilt):.0f} ms, p90 {q[-1]:.0f} ms, max {max(rebuilt):.0f} ms"
        )
    early = [float(m.group(1)) for l in logs if (m := re.search(r"rewritten in (\d+) ms", l))]
    if early:
        print(
            f"server: edited note's page swapped in after median {statistics.median(early):.0f} ms, "
            f"max {max(early):.0f} ms"
        )
    kinds = {l.split(" (")[0] for l in logs if l.startswith("rebuilt")}
    print("what was rebuilt:", "; ".join(sorted(kinds)) or "nothing partial")


if __name__ == "__main__":
    main()
