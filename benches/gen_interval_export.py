#!/usr/bin/env python3
"""An ACD interval export for the import benchmark (benches/import.sh): the
columns, date format (dd/mm/YYYY HH:MM), BOM and CRLF of
tests/fixtures/import/acd-interval.csv, one row per queue per 30-minute
interval around the clock, from --start on for as many days (and months) as
--rows needs; the last day stops at exactly --rows rows. Deterministic
(--seed). Its mapping is tests/fixtures/import/acd-queues.yaml.

    python3 benches/gen_interval_export.py OUT.csv [--rows 1000000] [--queues 16]
"""
import argparse
import datetime
import random

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--rows", type=int, default=1_000_000)
p.add_argument("--queues", type=int, default=16)
p.add_argument("--start", default="2023-01-01")
p.add_argument("--seed", type=int, default=16)
a = p.parse_args()
rng = random.Random(a.seed)
names = ["Residential", "Business", '"Billing, Tier 2"', "Moves", "Outages", "Payments",
         "Collections", "Solar", "Retention", "Complaints", "Smart meters", "Welsh",
         "Priority care", "Broadband", "Boilers", "Escalations"]
queues = [names[i] if i < len(names) else f"Queue {i + 1}" for i in range(a.queues)]
day = datetime.date.fromisoformat(a.start)
n = 0
with open(a.out, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffQueue,Interval Start,Offered,Answered in 20s,Abandoned,Handled,AHT\r\n")
    while n < a.rows:
        for slot in range(48):
            stamp = f"{day:%d/%m/%Y} {slot // 2:02d}:{30 * (slot % 2):02d}"
            busy = 1.0 if 8 <= slot // 2 < 20 else 0.25
            for q in queues:
                if n == a.rows:
                    break
                offered = int(rng.randint(5, 40) * busy)
                abandoned = min(offered, rng.randint(0, 3))
                handled = offered - abandoned
                answered = min(handled, int(handled * rng.uniform(0.6, 0.95)))
                aht = f"{rng.uniform(180, 420):.1f}" if handled else ""
                f.write(f"{q},{stamp},{offered},{answered},{abandoned},{handled},{aht}\r\n")
                n += 1
        day += datetime.timedelta(days=1)
print(f"{a.out}: {n} rows, {a.start} to {day - datetime.timedelta(days=1)}")
