//! `serve`'s partial rebuild (`live::LiveSite`): after each change to a copy
//! of the example, the site it keeps must hold exactly the bytes a full build
//! of the changed content gives, and a change inside one engagement must
//! re-render that engagement's pages and the portfolio-wide files only.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use rapporteur::error::Error;
use rapporteur::live::{LiveSite, Update};
use rapporteur::model::Audience;
use rapporteur::site::BuildOptions;

const TROUBLED: &str = "brightline-customer-care";
const NOTE: &str = "content/brightline-customer-care/notes/2026-11-12-check-in.md";
const PERIOD: &str = "content/brightline-customer-care/periods/2026-10.yaml";
const RECORD: &str = "content/calloway-payroll/engagement.yaml";

struct Live {
    dir: tempfile::TempDir,
    opts: BuildOptions,
    site: LiveSite,
}

impl Live {
    fn of_example(tweak: impl FnOnce(&mut BuildOptions)) -> Live {
        let dir = example_copy();
        let mut opts = options(dir.path(), &dir.path().join("public"), EXAMPLE_AS_OF);
        // As serve builds: relative links.
        opts.base_url = Some(String::new());
        tweak(&mut opts);
        let (site, _) = LiveSite::build(&opts).unwrap();
        Live { dir, opts, site }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn edit(&self, rel: &str, change: impl FnOnce(String) -> String) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        std::fs::write(self.path(rel), change(text)).unwrap();
    }

    fn update(&mut self, changed: &[&str]) -> Result<Update, Error> {
        let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
        let update = self.site.update(&self.opts, &changed)?;
        Ok(update)
    }

    /// Applies the update and checks the site against a full build.
    fn apply(&mut self, update: Update) {
        self.site.apply(update);
        let (full, _) = LiveSite::build(&self.opts).unwrap();
        same_files(&self.site, &full);
    }

    fn page(&self, path: &str) -> String {
        String::from_utf8(self.site.files()[path].clone()).unwrap()
    }
}

fn same_files(partial: &LiveSite, full: &LiveSite) {
    let (p, f) = (partial.files(), full.files());
    let keys = |m: &rapporteur::output::SiteFiles| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(p), keys(f), "the partial rebuild has other files");
    for (path, bytes) in f {
        assert!(
            &p[path] == bytes,
            "{path} differs from a full build's after the partial rebuild"
        );
    }
}

#[test]
fn editing_a_note_rebuilds_its_engagement_and_gives_the_bytes_of_a_full_build() {
    let mut live = Live::of_example(|_| {});
    live.edit(NOTE, |t| t.replace("## Staffing", "## Quokka staffing"));
    // The note's page comes first, alone, in its final bytes.
    let plan = live.site.plan(&live.opts, &[PathBuf::from(NOTE)]).unwrap();
    let early = plan.edited_note_pages().clone();
    let page = "engagements/brightline-customer-care/notes/2026-11-12-check-in.html";
    assert_eq!(early.keys().collect::<Vec<_>>(), [page]);
    let update = plan.finish().unwrap();
    assert_eq!(update.engagements, Some(vec![TROUBLED.to_string()]));
    // The engagement's pages and the portfolio-wide files: far fewer than the site.
    let all = live.site.files().len();
    assert!(
        update.report.files < all / 2,
        "{} of {all} files",
        update.report.files
    );
    live.apply(update);
    let note = live.page(page);
    assert!(note.contains("Quokka staffing"));
    assert!(early[page] == live.site.files()[page]);
    assert!(live.page("search-index.json").contains("Quokka"));

    // A KPI actual of a period: scorecard, charts, health, portfolio table.
    live.edit(PERIOD, |t| {
        t.replace(
            "service_level: { good: 5840, total: 10000 }",
            "service_level: { good: 6120, total: 10000 }",
        )
    });
    let update = live.update(&[PERIOD]).unwrap();
    assert_eq!(update.engagements, Some(vec![TROUBLED.to_string()]));
    live.apply(update);
    assert!(
        live.page("engagements/brightline-customer-care/index.html")
            .contains("61.2")
    );

    // The record of another engagement: its name is on the portfolio page.
    live.edit(RECORD, |t| t.replacen("name: ", "name: Renamed ", 1));
    let update = live.update(&[RECORD]).unwrap();
    assert_eq!(
        update.engagements,
        Some(vec!["calloway-payroll".to_string()])
    );
    live.apply(update);
    assert!(live.page("index.html").contains("Renamed "));
}

#[test]
fn adding_or_removing_a_note_or_touching_the_configuration_rebuilds_everything() {
    let mut live = Live::of_example(|_| {});
    let new = "content/brightline-customer-care/notes/2026-11-20-check-in.md";
    std::fs::write(
        live.path(new),
        "---\ntitle: Extra check-in\ndate: 2026-11-20\nkind: check-in\naudience: shared\n---\n\
         Short one.\n",
    )
    .unwrap();
    let update = live.update(&[new]).unwrap();
    assert_eq!(update.engagements, None, "a new note is a link target");
    live.apply(update);
    assert!(
        live.page("engagements/brightline-customer-care/notes/2026-11-20-check-in.html")
            .contains("Short one.")
    );

    std::fs::remove_file(live.path(new)).unwrap();
    let update = live.update(&[new]).unwrap();
    assert_eq!(update.engagements, None);
    live.apply(update);
    assert!(
        !live
            .site
            .files()
            .contains_key("engagements/brightline-customer-care/notes/2026-11-20-check-in.html")
    );

    live.edit("rapporteur.yaml", |t| t.replace("title:", "title: New"));
    let update = live.update(&["rapporteur.yaml"]).unwrap();
    assert_eq!(update.engagements, None);
    live.apply(update);
}

#[test]
fn a_note_leaving_a_shared_build_rebuilds_everything() {
    let mut live = Live::of_example(|o| o.audience = Audience::Shared);
    let page = "engagements/brightline-customer-care/notes/2026-11-12-check-in.html";
    assert!(live.site.files().contains_key(page));
    live.edit(NOTE, |t| {
        t.replacen("audience: shared", "audience: internal", 1)
    });
    let update = live.update(&[NOTE]).unwrap();
    assert_eq!(update.engagements, None);
    live.apply(update);
    assert!(!live.site.files().contains_key(page));

    // An edit that the shared build keeps is partial again.
    let other = "content/brightline-customer-care/notes/2026-11-19-october-service-review.md";
    live.edit(other, |t| format!("{t}\nA shared afterthought.\n"));
    let update = live.update(&[other]).unwrap();
    assert_eq!(update.engagements, Some(vec![TROUBLED.to_string()]));
    live.apply(update);
}

#[test]
fn a_broken_engagement_fails_every_update_until_it_is_fixed() {
    let mut live = Live::of_example(|_| {});
    live.edit(PERIOD, |t| {
        t.replace(
            "service_level: { good: 5840, total: 10000 }",
            "service_level: { good: [58",
        )
    });
    let Err(Error::Content(diagnostics)) = live.update(&[PERIOD]) else {
        panic!("a broken period must fail the update");
    };
    let error = diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(error.file, Path::new(PERIOD));
    assert!(error.line > 1, "{error}");

    // Another engagement changes while the first is still broken: the
    // caller passes every path since the last good update, and it fails.
    live.edit(RECORD, |t| t.replacen("name: ", "name: Renamed ", 1));
    // (A failed update changes nothing: `update` only reads the site.)
    assert!(live.update(&[PERIOD, RECORD]).is_err());

    live.edit(PERIOD, |t| {
        t.replace(
            "service_level: { good: [58",
            "service_level: { good: 5840, total: 10000 }",
        )
    });
    let update = live.update(&[PERIOD, RECORD]).unwrap();
    assert_eq!(
        update.engagements,
        Some(vec![TROUBLED.to_string(), "calloway-payroll".to_string()])
    );
    live.apply(update);
}

#[test]
fn a_client_scoped_site_rebuilds_its_own_engagements_only() {
    let mut live = Live::of_example(|o| o.client = Some("brightline energy".into()));
    // Another client's engagement: nothing of it is on this site.
    live.edit(RECORD, |t| t.replacen("name: ", "name: Renamed ", 1));
    let update = live.update(&[RECORD]).unwrap();
    assert_eq!(update.engagements, Some(Vec::new()));
    live.apply(update);
    assert!(!live.page("index.html").contains("Renamed "));

    live.edit(NOTE, |t| t.replace("## Staffing", "## Quokka staffing"));
    let update = live.update(&[NOTE]).unwrap();
    assert_eq!(update.engagements, Some(vec![TROUBLED.to_string()]));
    live.apply(update);

    // Moving an engagement to this client brings it in: everything is rebuilt.
    live.edit(RECORD, |t| {
        t.replace("name: Calloway Logistics,", "name: Brightline Energy,")
    });
    let update = live.update(&[RECORD]).unwrap();
    assert_eq!(update.engagements, None);
    live.apply(update);
    assert!(live.page("index.html").contains("Renamed "));
}
