//! `rapporteur init DIR`: scaffold a report repository that builds at once —
//! a commented `rapporteur.yaml`, one example engagement with two periods
//! and a note, the JSON Schemas, a `.gitignore` for the output, and CI files
//! for GitHub Actions and GitLab CI that check, build and publish the site.
//!
//! A non-empty DIR is refused unless `--force`; even then no file that exists
//! is overwritten (it is kept and listed).

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use clap::Args;

use super::Verbosity;
use super::schema::{self, Kind, SCHEMA_DIR};
use crate::error::{Error, Result};
use crate::model::Month;
use crate::output::{self, Overwrite};

/// The example engagement's id.
pub const EXAMPLE_ID: &str = "acme-payroll";

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the repository in (created if missing).
    pub dir: PathBuf,
    /// Scaffold into a folder that is not empty; existing files are kept.
    #[arg(long)]
    pub force: bool,
    /// The date the example is written for (YYYY-MM-DD): its periods are
    /// the two months before; default SOURCE_DATE_EPOCH, else today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

pub fn execute(args: InitArgs, verbosity: Verbosity) -> Result<u8> {
    let as_of = super::as_of_from(args.as_of.as_deref())?;
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{} is a file: give a folder to create the repository in",
            dir.display()
        )));
    }
    if !args.force && !is_empty(dir)? {
        return Err(Error::Usage(format!(
            "{} is not empty: choose a new folder, or add --force to scaffold into it \
             (files that exist are kept)",
            dir.display()
        )));
    }
    let mut written = Vec::new();
    let mut kept = Vec::new();
    for (rel, text) in files(dir, as_of) {
        let path = dir.join(&rel);
        if path.exists() {
            kept.push(rel);
            continue;
        }
        output::write_file(&path, text.as_bytes(), Overwrite::Never)?;
        written.push(rel);
    }
    if verbosity > Verbosity::Quiet {
        for rel in &kept {
            eprintln!("kept {rel} (exists)");
        }
        if verbosity == Verbosity::Verbose {
            for rel in &written {
                eprintln!("wrote {rel}");
            }
        }
        eprintln!(
            "created a report repository in {} ({} files). Next:\n  \
             cd {}\n  rapporteur serve        # preview at http://127.0.0.1:1111/, rebuilt as you edit\n  \
             rapporteur new period {EXAMPLE_ID} {}\n  \
             git init && git add . && git commit -m \"Report repository\"",
            dir.display(),
            written.len(),
            dir.display(),
            Month::of(as_of),
        );
    }
    Ok(0)
}

fn is_empty(dir: &Path) -> Result<bool> {
    if !dir.exists() {
        return Ok(true);
    }
    let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    Ok(entries.next().is_none())
}

/// Every file of the scaffold: (path relative to DIR, text).
pub fn files(dir: &Path, as_of: NaiveDate) -> Vec<(String, String)> {
    let title = dir
        .canonicalize()
        .ok()
        .as_deref()
        .or(Some(dir))
        .and_then(|d| d.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && n != ".")
        .unwrap_or_else(|| "Partner".to_string());
    let this = Month::of(as_of);
    let first = this.plus(-2);
    let second = this.plus(-1);
    let mut files = vec![
        ("rapporteur.yaml".to_string(), config(&title)),
        (".gitignore".to_string(), GITIGNORE.to_string()),
        (
            ".github/workflows/rapporteur.yml".to_string(),
            GITHUB.to_string(),
        ),
        (".gitlab-ci.yml".to_string(), GITLAB.to_string()),
        ("README.md".to_string(), readme(&title)),
        (
            format!("content/{EXAMPLE_ID}/engagement.yaml"),
            engagement(first),
        ),
        (
            format!("content/{EXAMPLE_ID}/periods/{first}.yaml"),
            period(first, [99.2, 2.4], [1850.0, 40.0], None),
        ),
        (
            format!("content/{EXAMPLE_ID}/periods/{second}.yaml"),
            period(second, [99.6, 1.8], [1990.0, 90.0], Some(())),
        ),
    ];
    // A recent review, so the example opens with an open (not overdue) action.
    let note_date = as_of
        .checked_sub_days(Days::new(2))
        .unwrap_or(as_of)
        .max(second.first_day());
    let due = note_date
        .checked_add_days(Days::new(14))
        .unwrap_or(note_date);
    files.push((
        format!("content/{EXAMPLE_ID}/notes/{note_date}-monthly-review.md"),
        note(note_date, due),
    ));
    for (name, text) in schema::files() {
        files.push((format!("{SCHEMA_DIR}/{name}"), text));
    }
    files
}

fn config(title: &str) -> String {
    format!(
        "{modeline}\
# Site configuration. Every key is optional; the values below are the defaults
# (except the title). Reference: `rapporteur schema` and the docs.
title: {title}
base_url: \"\"                 # \"\" = relative links: works from file:// and under any path
theme: default               # themes/<name>/ overrides the built-in theme
default_audience: internal   # audience of items and notes that name none: internal | shared
markdown:
  allow_html: false          # raw HTML in notes is escaped unless true
limits:
  max_file_bytes: 10485760
thresholds:
  overtime_flag: 0.05        # overtime ratio above which a month is flagged
  perception_gap_flag: 1     # |client - provider| survey gap that is flagged
  notice_warning_days: 60    # flag the renewal notice deadline this many days ahead
  health: {{ green: 75, amber: 50 }}
weights: {weights}
extra: {{}}                    # free-form data for custom templates
",
        modeline = Kind::Config.modeline("rapporteur.yaml"),
        title = serde_json::to_string(&format!("{title} — relationship reports"))
            .expect("a string serialises"),
        weights = crate::config::Weights::default().flow_yaml(),
    )
}

fn engagement(first: Month) -> String {
    let start = first.plus(-6).first_day();
    let end = first.plus(24).first_day().pred_opt().unwrap_or(start);
    let rel = format!("content/{EXAMPLE_ID}/engagement.yaml");
    format!(
        "{modeline}\
# An example engagement: rename the folder, fill in your own, or delete it.
name: Acme Payroll Processing
client:   {{ name: Acme Corp,     owner: Dana Ruiz }}
provider: {{ name: BPSource Inc., owner: Ravi Menon }}
services: [payroll]
phase: steady        # prospecting | transition | steady | mature | renewal | exit
start: {start}
contract:
  end: {end}
  renewal_notice_days: 90
  monthly_fee: 48000
  currency: USD
  service_credits: {{ per_breach_pct: 5, cap_pct: 12 }}
cadence:  {{ check_in: biweekly, review: quarterly }}    # weekly | biweekly | monthly | quarterly
capacity: {{ hours_per_month: 1920 }}                 # contracted effort
kpis:
  - id: accuracy
    name: Payroll accuracy
    unit: \"%\"
    direction: higher        # higher | lower is better
    target: 99.5
    warn: 99.0               # amber between warn and target
    sla: true                # contractual: a miss is an SLA breach
    weight: 3
  - id: turnaround_days
    name: Pay run turnaround
    unit: days
    direction: lower
    target: 2
    sla: true
  - id: approvals_on_time    # the client's side of the deal: a two-way scorecard
    name: Approvals before cut-off
    unit: \"%\"
    direction: higher
    target: 95
    owner: client
goals:
  - {{ id: cut-errors, title: Error rate below 0.5%, due: {end}, status: on-track, mutual: true, audience: shared }}
expectations:
  - {{ text: Pay run turnaround within 2 business days, set_by: client, agreed: true, audience: shared }}
risks:
  - {{ id: key-person, title: Single SME for tax filings, likelihood: 3, impact: 4,
      owner: provider, status: open, mitigation: Cross-train two analysts, audience: shared }}
milestones: []
audience: internal   # default audience of this record's items and notes
",
        modeline = Kind::Engagement.modeline(&rel),
    )
}

fn period(month: Month, kpis: [f64; 2], hours: [f64; 2], survey: Option<()>) -> String {
    let rel = format!("content/{EXAMPLE_ID}/periods/{month}.yaml");
    let mut text = format!(
        "{modeline}\
period: {month}
kpis: {{ accuracy: {}, turnaround_days: {}, approvals_on_time: 93 }}   # null = not reported
hours: {{ worked: {}, overtime_requested: {} }}
",
        kpis[0],
        kpis[1],
        hours[0],
        hours[1],
        modeline = Kind::Period.modeline(&rel),
    );
    if survey.is_some() {
        text.push_str(
            "survey:              # relationship pulse, 1..5, from each side
  client:   { trust: 4, communication: 3, collaboration: 4, respect: 4, goals: 4 }
  provider: { trust: 3, communication: 3, collaboration: 4, respect: 3, goals: 4 }
feedback:
  - { from: client, kind: praise, text: Quarter-end close went smoothly, audience: shared }
  - { from: provider, kind: concern, text: Approvals arrive after cut-off }
",
        );
    }
    text
}

fn note(date: NaiveDate, due: NaiveDate) -> String {
    let rel = format!("content/{EXAMPLE_ID}/notes/{date}-monthly-review.md");
    format!(
        "---\n{modeline}\
title: Monthly service review
date: {date}
kind: review         # check-in | review | escalation | workshop | celebration | note
attendees: [Dana Ruiz, Ravi Menon]
audience: shared     # the partner sees this note in a --audience shared build
---
## Discussed

Accuracy is back above target; turnaround improved. Approvals still reach the
payroll team after the cut-off on some days.

## Actions

- [ ] Ravi: share the cut-off calendar for next quarter (due {due})
- [x] Dana: confirm the approver list
",
        modeline = Kind::Note.modeline(&rel),
    )
}

fn readme(title: &str) -> String {
    format!(
        "# {title} — relationship reports

Engagement records (YAML) and meeting notes (Markdown), built into a static
site of relationship reports by rapporteur.

## The daily loop

```sh
rapporteur new period {EXAMPLE_ID} 2026-03        # a month of measurements
rapporteur new note {EXAMPLE_ID} \"Weekly check-in\" --kind check-in
rapporteur check                                   # every problem, with file and line
rapporteur serve                                   # preview, rebuilt as you save
git add . && git commit -m \"March figures\" && git push   # CI checks, builds, publishes
```

`rapporteur diff --base main` shows what a branch changes in the figures.

## Layout

```
rapporteur.yaml                  site configuration
content/<engagement-id>/
  engagement.yaml                parties, contract, KPIs, goals, risks
  periods/YYYY-MM.yaml           one file per month
  notes/YYYY-MM-DD-<slug>.md     meeting notes; task lists are the action register
schemas/                         JSON Schemas for editors (`rapporteur schema --force` refreshes them)
```

The CI files (`.github/workflows/rapporteur.yml`, `.gitlab-ci.yml`) publish the
`--audience shared` build: internal items never reach the published site.
"
    )
}

const GITIGNORE: &str = "# rapporteur's output, and what a build keeps beside it while it runs
# (a staging folder, the previous output, a lock file; see docs/commands.md)
/public/
/.public.*
";

const GITHUB: &str = r#"# Check and build the reports on every push and pull request; publish the
# site to GitHub Pages from the default branch (Settings > Pages > Source:
# GitHub Actions). Pages sites are public unless your plan makes them
# private, so this publishes the shared build: internal items are left out.
name: rapporteur

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
  schedule:
    - cron: "17 5 * * *"        # daily, so "days since" and overdue figures stay current

permissions:
  contents: read

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0          # `rapporteur diff` reads the base revision
      - uses: dtolnay/rust-toolchain@stable
      - uses: actions/cache@v4
        with:
          path: ~/.cargo
          key: rapporteur-${{ runner.os }}
      - name: Install rapporteur     # or from your fork: cargo install --git <url>
        run: cargo install --locked rapporteur
      - name: Check
        run: rapporteur check --format github
      - name: What changed in the figures
        if: github.event_name == 'pull_request'
        run: rapporteur diff --base "origin/${{ github.base_ref }}" >> "$GITHUB_STEP_SUMMARY"
      - name: Build
        run: rapporteur build --audience shared --out public
      - uses: actions/upload-pages-artifact@v3
        if: github.event_name != 'pull_request'
        with:
          path: public

  deploy:
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

const GITLAB: &str = r#"# Check and build the reports on every push and merge request; publish the
# site with GitLab Pages from the default branch. This publishes the shared
# build: internal items are left out. Add a daily pipeline schedule (Build >
# Pipeline schedules) so "days since" and overdue figures stay current.
image: rust:latest

# Branch pipelines, and merge request pipelines (where `diff` runs), not both.
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never
    - if: $CI_COMMIT_BRANCH

stages: [check, build]

variables:
  CARGO_HOME: $CI_PROJECT_DIR/.cargo

cache:
  key: rapporteur
  paths: [.cargo/]

before_script:
  # or from your fork: cargo install --git <url>
  - cargo install --locked rapporteur
  - export PATH="$CARGO_HOME/bin:$PATH"

check:
  stage: check
  script:
    - rapporteur check
    - if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then
        git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" &&
        rapporteur diff --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME";
      fi

pages:
  stage: build
  script:
    - rapporteur build --audience shared --out public
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaffold_yaml_parses_as_its_types() {
        let as_of = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        for (rel, text) in files(Path::new("/tmp/x"), as_of) {
            if rel == "rapporteur.yaml" {
                crate::yaml::from_str::<crate::config::Config>(&text).unwrap();
            } else if rel.ends_with("engagement.yaml") {
                crate::yaml::from_str::<crate::model::EngagementRecord>(&text).unwrap();
            } else if rel.ends_with(".yml") {
                let ci: serde_json::Value = crate::yaml::from_str(&text).unwrap();
                assert!(ci.is_object(), "{rel}");
            } else if rel.contains("/periods/") {
                let p: crate::model::Period = crate::yaml::from_str(&text).unwrap();
                assert!(rel.ends_with(&format!("{}.yaml", p.period)));
            }
        }
        let names: Vec<_> = files(Path::new("x"), as_of)
            .into_iter()
            .map(|(rel, _)| rel)
            .collect();
        assert!(names.contains(&"content/acme-payroll/periods/2025-11.yaml".to_string()));
        assert!(names.contains(&"content/acme-payroll/periods/2025-12.yaml".to_string()));
    }
}
