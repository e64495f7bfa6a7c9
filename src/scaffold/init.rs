//! The texts of `rapporteur init`: the configuration with the defaults
//! written out, the README, and the example engagement with its periods and
//! note. Which file goes where is `cmd/init.rs`'s business; `rel` is the
//! path a text is written to, for its `$schema` line.

use chrono::NaiveDate;

use super::{
    CONFIG, EXAMPLE_ENGAGEMENT, EXAMPLE_EXPORT, EXAMPLE_MAPPING, EXAMPLE_NOTE, EXAMPLE_PERIOD,
    EXAMPLE_SURVEY, GITHUB, GITLAB, README, quoted,
};
use crate::config::Config;
use crate::model::{Audience, Direction, Frequency, Month, NoteKind, Phase};
use crate::names::{joined, name_of};
use crate::schema::Kind;

/// `rapporteur.yaml`: every value is `Config::default()`'s except the title,
/// so the file says what the defaults are and cannot drift from them.
pub(crate) fn config(title: &str) -> String {
    let d = Config::default();
    let t = &d.thresholds;
    CONFIG.fill(&[
        ("modeline", &Kind::Config.modeline("rapporteur.yaml")),
        ("title", &quoted(&format!("{title} — relationship reports"))),
        ("base_url", &quoted(&d.base_url)),
        ("theme", &plain_or_quoted(&d.theme)),
        ("default_audience", &name_of(&d.default_audience)),
        ("audiences", &joined::<Audience>(" | ")),
        ("allow_html", &d.markdown.allow_html.to_string()),
        ("max_file_bytes", &d.limits.max_file_bytes.to_string()),
        ("overtime_flag", &t.overtime_flag.to_string()),
        ("perception_gap_flag", &t.perception_gap_flag.to_string()),
        ("notice_warning_days", &t.notice_warning_days.to_string()),
        ("green", &t.health.green.to_string()),
        ("amber", &t.health.amber.to_string()),
        ("weights", &d.weights.flow_yaml()),
        ("min_responses", &d.survey.min_responses.to_string()),
        ("language", &plain_or_quoted(&d.language)),
        (
            "extra",
            &serde_json::to_string(&d.extra).unwrap_or_default(),
        ),
    ])
}

/// A name as a plain YAML scalar when it is one (`default`), else quoted.
fn plain_or_quoted(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain {
        text.to_string()
    } else {
        quoted(text)
    }
}

pub(crate) fn readme(title: &str, example_id: &str) -> String {
    README.fill(&[("title", title), ("example_id", example_id)])
}

/// The example engagement, begun six months before its `first` period
/// file, its contract running two years past it.
pub(crate) fn engagement(rel: &str, first: Month) -> String {
    let start = first.plus(-6).first_day();
    let end = first.plus(24).first_day().pred_opt().unwrap_or(start);
    EXAMPLE_ENGAGEMENT.fill(&[
        ("modeline", &Kind::Engagement.modeline(rel)),
        ("phases", &joined::<Phase>(" | ")),
        ("start", &start.to_string()),
        ("end", &end.to_string()),
        ("frequencies", &joined::<Frequency>(" | ")),
        ("directions", &joined::<Direction>(" | ")),
    ])
}

/// A month of the example: the `later` of the two improves on accuracy and
/// turnaround, works more hours, and adds a survey and feedback.
pub(crate) fn period(rel: &str, month: Month, later: bool) -> String {
    let (kpis, hours) = if later {
        ([99.6, 1.8], [1990.0, 90.0])
    } else {
        ([99.2, 2.4], [1850.0, 40.0])
    };
    let mut text = EXAMPLE_PERIOD.fill(&[
        ("modeline", &Kind::Period.modeline(rel)),
        ("month", &month.to_string()),
        ("accuracy", &kpis[0].to_string()),
        ("turnaround_days", &kpis[1].to_string()),
        ("worked", &hours[0].to_string()),
        ("overtime_requested", &hours[1].to_string()),
    ]);
    if later {
        text.push_str(EXAMPLE_SURVEY.text());
    }
    text
}

/// The example's review note of `date`, with an action due on `due`.
pub(crate) fn note(rel: &str, date: NaiveDate, due: NaiveDate) -> String {
    EXAMPLE_NOTE.fill(&[
        ("modeline", &Kind::Note.modeline(rel)),
        ("date", &date.to_string()),
        ("note_kinds", &joined::<NoteKind>(" | ")),
        ("due", &due.to_string()),
    ])
}

/// The example import mapping (`mappings/pay-runs.yaml`) for `example_id`.
pub(crate) fn mapping(rel: &str, example_id: &str) -> String {
    EXAMPLE_MAPPING.fill(&[
        ("modeline", &Kind::Mapping.modeline(rel)),
        ("example_id", example_id),
    ])
}

/// The sample pay-run export beside the mapping: four weekly runs of
/// `previous` whose figures equal that month's example period file (so an
/// import leaves it alone), and two of `current`, a month with no period
/// file yet (so an import creates it).
pub(crate) fn export(previous: Month, current: Month) -> String {
    let mm_yyyy = |m: Month| {
        let day = m.first_day();
        day.format("%m/%Y").to_string()
    };
    EXAMPLE_EXPORT.fill(&[
        ("previous", &mm_yyyy(previous)),
        ("current", &mm_yyyy(current)),
    ])
}

/// The repository of rapporteur's action and release binaries: Cargo's
/// `repository` when it is a GitHub address, else the project's name there.
pub(crate) fn action_repository() -> &'static str {
    let url = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    url.strip_prefix("https://github.com/")
        .map(|r| r.trim_end_matches(".git"))
        .filter(|r| r.split('/').count() == 2)
        .unwrap_or("rapporteur/rapporteur")
}

/// The release tag of this binary: the scaffold's CI installs the version
/// that wrote it, so the figures it builds are those the author saw.
fn release_tag() -> String {
    format!("v{}", env!("CARGO_PKG_VERSION"))
}

/// The GitHub workflow: rapporteur from the release binaries through the
/// action (action.yml), or built from `from_git` (`init --from-git URL`).
pub(crate) fn github_workflow(from_git: Option<&str>) -> String {
    let install = match from_git {
        None => format!(
            "      - uses: {}@{}    # the release binary for the runner, in seconds\n",
            action_repository(),
            release_tag()
        ),
        Some(url) => format!(
            "      - uses: dtolnay/rust-toolchain@stable\n\
             \x20     - uses: actions/cache@v5\n\
             \x20       with:\n\
             \x20         path: ~/.cargo\n\
             \x20         key: rapporteur-${{{{ runner.os }}}}\n\
             \x20     - name: Install rapporteur from its repository\n\
             \x20       run: cargo install --locked --git {url} rapporteur\n"
        ),
    };
    GITHUB.fill(&[("install", install.trim_end_matches('\n'))])
}

/// The GitLab pipeline: the Linux release binary, downloaded (or built
/// from source when there is none), or built from `from_git`.
pub(crate) fn gitlab_ci(from_git: Option<&str>) -> String {
    let install = match from_git {
        None => {
            let repo = action_repository();
            let tag = release_tag();
            format!(
                "  # The release binary for Linux; built from source if there is none.\n\
                 \x20 - mkdir -p \"$CARGO_HOME/bin\"\n\
                 \x20 - curl -sSfL \"https://github.com/{repo}/releases/download/{tag}/rapporteur-x86_64-unknown-linux-gnu.tar.gz\" | tar -xz -C \"$CARGO_HOME/bin\"\n\
                 \x20   || cargo install --locked --git https://github.com/{repo} --tag {tag} rapporteur\n\
                 \x20 - export PATH=\"$CARGO_HOME/bin:$PATH\""
            )
        }
        Some(url) => format!(
            "  - cargo install --locked --git {url} rapporteur\n\
             \x20 - export PATH=\"$CARGO_HOME/bin:$PATH\""
        ),
    };
    GITLAB.fill(&[("install", &install)])
}

/// Whether `url` can stand in a CI file's command line as it is: a git
/// address without spaces, quotes or shell syntax.
pub(crate) fn plain_git_url(url: &str) -> bool {
    let known = ["https://", "http://", "ssh://", "git://", "git@", "file://"];
    known.iter().any(|p| url.starts_with(p))
        && url.len() > 8
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/@%+=,".contains(c))
}
