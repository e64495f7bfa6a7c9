//! Test harness: build a repository with the real pipeline into a temporary
//! folder and read what came out.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::NaiveDate;
use rapporteur::model::Audience;
use rapporteur::site::{self, BuildOptions};

/// The date the example portfolio was written for.
pub const EXAMPLE_AS_OF: &str = "2026-11-23";

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn options(root: &Path, out: &Path, as_of: &str) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        out: out.to_path_buf(),
        as_of: date(as_of),
        audience: Audience::Internal,
        client: None,
        provider: None,
        base_url: None,
        strict: false,
        force: false,
        pdf: false,
        language: None,
    }
}

/// A built site: every output file by its relative path.
pub struct Built {
    pub dir: tempfile::TempDir,
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Built {
    pub fn page(&self, path: &str) -> String {
        let bytes = self
            .files
            .get(path)
            .unwrap_or_else(|| panic!("{path} was not built; built: {:?}", self.files.keys()));
        String::from_utf8(bytes.clone()).unwrap()
    }

    /// The search index: the JSON that `search-index.js` assigns.
    #[allow(dead_code)]
    pub fn search_index(&self) -> serde_json::Value {
        search_index_of(&self.page("search-index.js"))
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }
}

/// The JSON index that the text of `search-index.js` assigns.
#[allow(dead_code)]
pub fn search_index_of(script: &str) -> serde_json::Value {
    let json = script
        .lines()
        .find_map(|l| l.strip_prefix("window.RAPPORTEUR_SEARCH_INDEX = "))
        .and_then(|l| l.strip_suffix(';'))
        .expect("search-index.js assigns the index on one line");
    serde_json::from_str(json).unwrap()
}

/// Builds `root` with `opts` changed by `tweak`, and reads the output back from disk.
pub fn build_with(root: &Path, as_of: &str, tweak: impl FnOnce(&mut BuildOptions)) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = options(root, &dir.path().join("public"), as_of);
    tweak(&mut opts);
    site::build(&opts).unwrap_or_else(|e| panic!("build of {} failed: {e:?}", root.display()));
    let files = read_tree(&opts.out);
    Built { dir, files }
}

/// The example portfolio, built once per test binary.
pub fn example() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| build_with(&repo_root(), EXAMPLE_AS_OF, |_| {}))
}

pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Runs the real binary.
pub fn rapporteur(args: &[&str], cwd: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run rapporteur")
}

/// Writes `files` (path -> text) into a fresh temporary repository.
pub fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// The text between `<tag ... id="id"` and the matching close of that section.
pub fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element with id {id}"));
    let rest = &html[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

/// Copies the folder `from` into `to`, recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file and folder under `dir` (symbolic links as their target text),
/// with the bytes of each file: compare two snapshots to prove that nothing
/// outside what a command owns was written, moved or deleted.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.depth() > 0)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let content = if e.file_type().is_file() {
                Some(std::fs::read(e.path()).unwrap())
            } else if e.file_type().is_symlink() {
                Some(
                    std::fs::read_link(e.path())
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                        .into_bytes(),
                )
            } else {
                None
            };
            (rel, content)
        })
        .collect()
}

/// Asserts that two snapshots are equal, naming the first paths that differ.
pub fn assert_same_tree(
    before: &BTreeMap<String, Option<Vec<u8>>>,
    after: &BTreeMap<String, Option<Vec<u8>>>,
    what: &str,
) {
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .take(10)
        .collect();
    assert!(
        changed.is_empty(),
        "{what}: these paths changed: {changed:?}"
    );
}

/// Staging or retired outputs (`.NAME.new-PID`, `.NAME.old-PID`) left
/// anywhere under `dir`: a build must never leave one behind.
pub fn leftovers(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && (n.contains(".new-") || n.contains(".old-")))
        .collect()
}

/// A temporary folder standing in for someone's project: a real git
/// repository with a committed file, a README and a `public/` folder of
/// their own.
pub fn fake_project() -> tempfile::TempDir {
    let dir = repo(&[
        ("README.md", "# my app\n"),
        ("src/main.c", "int main(void) { return 0; }\n"),
        ("public/index.html", "<p>my own web page</p>\n"),
    ]);
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("run git")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "my project"]);
    dir
}

/// Runs `git args` in `dir` as a fixed author, with no system or user
/// configuration (HOME is `dir`), failing the test on an error.
pub fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new("git")
        .args(["-c", "protocol.file.allow=always"])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The example portfolio (content/ and rapporteur.yaml) copied into a
/// fresh temporary folder, for tests that change or commit it.
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo_root().join("content"), &dir.path().join("content"));
    std::fs::copy(
        repo_root().join("rapporteur.yaml"),
        dir.path().join("rapporteur.yaml"),
    )
    .unwrap();
    dir
}

/// `12,400 GBP`, as the pages and packs write money.
pub fn money(amount: f64, currency: &str) -> String {
    let digits = (amount.round() as i64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out} {currency}")
}
