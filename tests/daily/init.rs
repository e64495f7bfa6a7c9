//! `rapporteur init`: a repository that builds at once, with CI files.

use super::{common, ok, scaffold, stderr};

#[test]
fn init_scaffolds_a_repository_that_builds_at_once() {
    let dir = scaffold();
    let repo = dir.path().join("repo");
    for file in [
        "rapporteur.yaml",
        ".gitignore",
        ".github/workflows/rapporteur.yml",
        ".gitlab-ci.yml",
        "CODEOWNERS",
        "content/acme-payroll/engagement.yaml",
        "content/acme-payroll/periods/2026-09.yaml",
        "content/acme-payroll/periods/2026-10.yaml",
        "schemas/engagement.schema.json",
        "schemas/import-mapping.schema.json",
        "mappings/pay-runs.yaml",
        "mappings/pay-runs.csv",
    ] {
        assert!(repo.join(file).is_file(), "{file} missing");
    }
    let notes: Vec<_> = std::fs::read_dir(repo.join("content/acme-payroll/notes"))
        .unwrap()
        .collect();
    assert_eq!(notes.len(), 1);
    let config = std::fs::read_to_string(repo.join("rapporteur.yaml")).unwrap();
    assert!(config.starts_with("# yaml-language-server: $schema=schemas/rapporteur.schema.json\n"));
    assert!(config.contains("default_audience: internal"));
    assert!(
        std::fs::read_to_string(repo.join(".gitignore"))
            .unwrap()
            .contains("/public/")
    );
    for ci in [".github/workflows/rapporteur.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(repo.join(ci)).unwrap();
        assert!(text.contains("rapporteur check"), "{ci}");
        assert!(text.contains("rapporteur build"), "{ci}");
    }
    assert!(
        std::fs::read_to_string(repo.join(".github/workflows/rapporteur.yml"))
            .unwrap()
            .contains("actions/deploy-pages")
    );
    assert!(
        std::fs::read_to_string(repo.join(".gitlab-ci.yml"))
            .unwrap()
            .contains("pages:")
    );

    // The sample export imports as the mapping beside it says: October's
    // runs equal its period file (left alone), November's make a new file.
    let args = [
        "import",
        "mappings/pay-runs.csv",
        "--mapping",
        "mappings/pay-runs.yaml",
        "--dry-run",
    ];
    let diff = ok(&args, &repo);
    assert!(
        diff.contains("--- /dev/null\n+++ b/content/acme-payroll/periods/2026-11.yaml\n"),
        "{diff}"
    );
    // (99.7 × 1210 + 99.9 × 1190) / 2400, to 4 places; 1.5 and 1.8; sums.
    for line in [
        "+period: 2026-11\n",
        "+  accuracy: 99.7992\n",
        "+  turnaround_days: 1.65\n",
        "+  worked: 990\n",
        "+  overtime_requested: 22\n",
    ] {
        assert!(diff.contains(line), "{line} missing in\n{diff}");
    }
    assert!(!diff.contains("2026-10.yaml"), "{diff}");
    assert!(
        !repo
            .join("content/acme-payroll/periods/2026-11.yaml")
            .exists()
    );

    let out = common::rapporteur(&["build", "--as-of", common::EXAMPLE_AS_OF], &repo);
    super::assert_success(&out, &["build"]);
    let summary = stderr(&out);
    // The five of before, the search page, one quarterly review pack and
    // the two digests (the portfolio's and the engagement's).
    assert!(summary.contains("built 9 pages,"), "{summary}");
    assert!(summary.contains(" charts ("), "{summary}");
    assert!(!summary.contains("warning"), "{summary}");
    let site = repo.join("public");
    assert!(site.join("engagements/acme-payroll/index.html").is_file());
    // The shared build the CI files publish builds too.
    ok(
        &[
            "build",
            "--audience",
            "shared",
            "--as-of",
            common::EXAMPLE_AS_OF,
            "--out",
            "shared",
        ],
        &repo,
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(repo.join("rapporteur.yaml"), "title: Mine\n").unwrap();
    let out = common::rapporteur(&["init", "repo"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not empty"), "{}", stderr(&out));
    assert!(
        !repo.join("content").exists(),
        "nothing is written on refusal"
    );

    let out = common::rapporteur(&["init", "repo", "--force"], dir.path());
    super::assert_success(&out, &["init", "--force"]);
    assert!(
        stderr(&out).contains("kept rapporteur.yaml"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("rapporteur.yaml")).unwrap(),
        "title: Mine\n",
        "--force never overwrites a file"
    );
    assert!(repo.join("content/acme-payroll/engagement.yaml").is_file());
}

/// The configuration `init` writes is the defaults written out: read by the
/// loader it equals `Config::default()` but for the title, and it names
/// every key the defaults have, so a new setting cannot be left out.
#[test]
fn init_config_is_the_defaults_but_for_its_title() {
    use rapporteur::config::Config;
    let dir = scaffold();
    let text = std::fs::read_to_string(dir.path().join("repo/rapporteur.yaml")).unwrap();
    let parsed = rapporteur::load::parse_config(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let config = parsed.value.unwrap();
    assert_eq!(config.title, "repo — relationship reports");
    assert_eq!(
        config,
        Config {
            title: config.title.clone(),
            ..Config::default()
        }
    );

    fn keys(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
        for (key, child) in value.as_object().into_iter().flatten() {
            let path = format!("{path}{key}");
            keys(child, &format!("{path}."), out);
            out.push(path);
        }
    }
    let (mut written, mut defaults) = (Vec::new(), Vec::new());
    let yaml: serde_json::Value = rapporteur::yaml::from_str(&text).unwrap();
    keys(&yaml, "", &mut written);
    keys(
        &serde_json::to_value(Config::default()).unwrap(),
        "",
        &mut defaults,
    );
    written.sort();
    defaults.sort();
    assert_eq!(written, defaults);
}

/// The CI files `init` writes install rapporteur's release binary (the
/// action on GitHub, the archive on GitLab), never from crates.io; with
/// `--from-git URL` they build it from that repository; an address that is
/// not plain is refused before anything is written.
#[test]
fn init_ci_files_install_the_release_or_build_from_the_given_repository() {
    let released = scaffold();
    let read = |dir: &std::path::Path, rel: &str| std::fs::read_to_string(dir.join(rel)).unwrap();
    let repo = released.path().join("repo");
    let tag = format!("@v{} ", env!("CARGO_PKG_VERSION"));
    let github = read(&repo, ".github/workflows/rapporteur.yml");
    assert_eq!(github.matches(&tag).count(), 2, "{github}");
    assert!(!github.contains("cargo install"), "{github}");
    let gitlab = read(&repo, ".gitlab-ci.yml");
    assert!(gitlab.contains("/releases/download/v"), "{gitlab}");
    assert!(!gitlab.contains("cargo install --locked rapporteur"));

    let dir = tempfile::tempdir().unwrap();
    let url = "https://git.example.org/tools/rapporteur.git";
    ok(&["init", "fork", "--quiet", "--from-git", url], dir.path());
    let line = format!("cargo install --locked --git {url} rapporteur");
    let github = read(&dir.path().join("fork"), ".github/workflows/rapporteur.yml");
    assert_eq!(github.matches(&line).count(), 2, "{github}");
    assert!(!github.contains(&tag));
    assert!(read(&dir.path().join("fork"), ".gitlab-ci.yml").contains(&line));

    let out = common::rapporteur(
        &["init", "bad", "--from-git", "https://x.org/r; rm -rf ~"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--from-git"), "{}", stderr(&out));
    assert!(!dir.path().join("bad").exists());
}
