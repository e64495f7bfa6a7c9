//! `rapporteur init DIR`: scaffold a report repository that builds at once —
//! a commented `rapporteur.yaml`, one example engagement with two periods
//! and a note, an example import mapping with a sample export beside it
//! (`mappings/`), the JSON Schemas, a `.gitignore` for the output, CI files
//! for GitHub Actions and GitLab CI that check, build and publish the site
//! and post `diff` on pull requests, and a CODEOWNERS example.
//!
//! A non-empty DIR is refused unless `--force`; even then no file that exists
//! is overwritten (it is kept and listed).

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use clap::Args;

use super::Verbosity;
use crate::error::{Error, Result};
use crate::model::Month;
use crate::output::{self, Overwrite};
use crate::scaffold::{self, CODEOWNERS, GITIGNORE};
use crate::schema::{self, SCHEMA_DIR};

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
    /// Have the CI files build rapporteur from this git repository
    /// (`cargo install --git URL`) instead of downloading a release binary.
    #[arg(long, value_name = "URL")]
    pub from_git: Option<String>,
}

pub fn execute(args: InitArgs, verbosity: Verbosity) -> Result<u8> {
    let as_of = super::as_of_from(args.as_of.as_deref())?;
    let dir = &args.dir;
    if let Some(url) = args
        .from_git
        .as_deref()
        .filter(|u| !scaffold::init::plain_git_url(u))
    {
        return Err(Error::Usage(format!(
            "--from-git {url:?} is not a git address the CI files can use as it is: give an \
             https://, ssh://, git:// or git@ address without spaces or quotes"
        )));
    }
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
    for (rel, text) in files(dir, as_of, args.from_git.as_deref()) {
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
pub fn files(dir: &Path, as_of: NaiveDate, from_git: Option<&str>) -> Vec<(String, String)> {
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
    let example = format!("content/{EXAMPLE_ID}");
    let engagement_rel = format!("{example}/engagement.yaml");
    let period = |month: Month, later| {
        let rel = format!("{example}/periods/{month}.yaml");
        let text = scaffold::init::period(&rel, month, later);
        (rel, text)
    };
    let mut files = vec![
        (
            "rapporteur.yaml".to_string(),
            scaffold::init::config(&title),
        ),
        (".gitignore".to_string(), GITIGNORE.text().to_string()),
        (
            ".github/workflows/rapporteur.yml".to_string(),
            scaffold::init::github_workflow(from_git),
        ),
        (
            ".gitlab-ci.yml".to_string(),
            scaffold::init::gitlab_ci(from_git),
        ),
        ("CODEOWNERS".to_string(), CODEOWNERS.text().to_string()),
        (
            "README.md".to_string(),
            scaffold::init::readme(&title, EXAMPLE_ID),
        ),
        (
            engagement_rel.clone(),
            scaffold::init::engagement(&engagement_rel, first),
        ),
        period(first, false),
        period(second, true),
    ];
    // A recent review, so the example opens with an open (not overdue) action.
    let note_date = as_of
        .checked_sub_days(Days::new(2))
        .unwrap_or(as_of)
        .max(second.first_day());
    let due = note_date
        .checked_add_days(Days::new(14))
        .unwrap_or(note_date);
    let note_rel = format!("{example}/notes/{note_date}-monthly-review.md");
    let note = scaffold::init::note(&note_rel, note_date, due);
    files.push((note_rel, note));
    let mapping_rel = "mappings/pay-runs.yaml".to_string();
    files.push((
        mapping_rel.clone(),
        scaffold::init::mapping(&mapping_rel, EXAMPLE_ID),
    ));
    files.push((
        "mappings/pay-runs.csv".to_string(),
        scaffold::init::export(second, this),
    ));
    for (name, text) in schema::files() {
        files.push((format!("{SCHEMA_DIR}/{name}"), text));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaffold_yaml_parses_as_its_types() {
        let as_of = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        for (rel, text) in files(Path::new("/tmp/x"), as_of, None) {
            if rel == "rapporteur.yaml" {
                crate::yaml::from_str::<crate::config::Config>(&text).unwrap();
            } else if rel.ends_with("engagement.yaml") {
                crate::yaml::from_str::<crate::model::EngagementRecord>(&text).unwrap();
            } else if rel.ends_with(".yml") {
                let ci: serde_json::Value = crate::yaml::from_str(&text).unwrap();
                assert!(ci.is_object(), "{rel}");
            } else if rel.starts_with("mappings/") && rel.ends_with(".yaml") {
                crate::import::mapping::parse(Path::new(&rel), &text).unwrap();
            } else if rel.contains("/periods/") {
                let p: crate::model::Period = crate::yaml::from_str(&text).unwrap();
                assert!(rel.ends_with(&format!("{}.yaml", p.period)));
            }
        }
        let names: Vec<_> = files(Path::new("x"), as_of, None)
            .into_iter()
            .map(|(rel, _)| rel)
            .collect();
        assert!(names.contains(&"content/acme-payroll/periods/2025-11.yaml".to_string()));
        assert!(names.contains(&"content/acme-payroll/periods/2025-12.yaml".to_string()));
    }

    /// The CI files install the release binary of this version through
    /// the action (GitHub) or its download (GitLab), never from crates.io;
    /// with `--from-git URL`, by `cargo install --git URL`.
    #[test]
    fn ci_files_install_the_release_or_the_given_repository() {
        let as_of = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
        let repo = scaffold::init::action_repository();
        let released: std::collections::BTreeMap<String, String> =
            files(Path::new("x"), as_of, None).into_iter().collect();
        let github = &released[".github/workflows/rapporteur.yml"];
        assert_eq!(
            github.matches(&format!("- uses: {repo}@{tag} ")).count(),
            2,
            "both jobs: {github}"
        );
        let gitlab = &released[".gitlab-ci.yml"];
        assert!(gitlab.contains(&format!(
            "https://github.com/{repo}/releases/download/{tag}/rapporteur-x86_64-unknown-linux-gnu.tar.gz"
        )));
        for text in [github, gitlab] {
            assert!(
                !text.contains("cargo install --locked rapporteur"),
                "{text}"
            );
        }
        let url = "https://git.example.org/tools/rapporteur.git";
        let forked: std::collections::BTreeMap<String, String> =
            files(Path::new("x"), as_of, Some(url))
                .into_iter()
                .collect();
        let line = format!("cargo install --locked --git {url} rapporteur");
        let github = &forked[".github/workflows/rapporteur.yml"];
        assert_eq!(github.matches(&line).count(), 2, "{github}");
        assert!(!github.contains(&format!("{repo}@")));
        assert!(forked[".gitlab-ci.yml"].contains(&format!("  - {line}\n")));
        for (rel, text) in [(".github", github), (".gitlab", &forked[".gitlab-ci.yml"])] {
            let ci: serde_json::Value = crate::yaml::from_str(text).unwrap();
            assert!(ci.is_object(), "{rel}");
        }
    }

    #[test]
    fn only_a_plain_git_address_goes_into_the_ci_files() {
        for good in [
            "https://github.com/acme/rapporteur",
            "git@github.com:acme/rapporteur.git",
            "ssh://git@git.example.org/r.git",
        ] {
            assert!(scaffold::init::plain_git_url(good), "{good}");
        }
        for bad in [
            "https://x.org/r; rm -rf ~",
            "https://x.org/$(id)",
            "https://x.org/a b",
            "ftp://x.org/r",
            "https://x.org/\"r",
            "",
        ] {
            assert!(!scaffold::init::plain_git_url(bad), "{bad}");
        }
    }

    /// CI posts the diff as one comment, found again by the marker the
    /// diff's first line carries, and holds a change after sign-off.
    #[test]
    fn ci_files_post_the_diff_as_one_comment_and_run_it_strict() {
        let as_of = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let files: std::collections::BTreeMap<String, String> =
            files(Path::new("x"), as_of, None).into_iter().collect();
        let marker = crate::export::diff::markdown::MARKER;
        assert!(marker.starts_with("<!-- ") && marker.ends_with(" -->"));
        let github = &files[".github/workflows/rapporteur.yml"];
        assert!(
            github.contains(&format!("startswith(\"{marker}\")")),
            "{github}"
        );
        assert!(github.contains("--method PATCH") && github.contains("--strict"));
        assert!(github.contains("pull-requests: write"));
        let gitlab = &files[".gitlab-ci.yml"];
        assert!(gitlab.contains("rapporteur-diff") && gitlab.contains("--strict"));
        let owners = &files["CODEOWNERS"];
        assert!(owners.contains(
            "\ncontent/*/periods/          @client-org/reviewers @provider-org/reviewers\n"
        ));
        // Every line is a comment, blank, or a path and its owners.
        for line in owners
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.split_whitespace();
            assert!(
                parts.next().is_some() && parts.all(|o| o.starts_with('@')),
                "{line}"
            );
        }
    }
}
