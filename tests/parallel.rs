//! A parallel build writes exactly the bytes of a single-threaded one.

mod common;

use common::*;

#[test]
fn jobs_1_and_default_parallelism_write_identical_sites() {
    let dir = tempfile::tempdir().unwrap();
    let build = |jobs: Option<&str>, out: &str| {
        let out = dir.path().join(out);
        let mut args = vec![
            "build",
            "--as-of",
            EXAMPLE_AS_OF,
            "--out",
            out.to_str().unwrap(),
        ];
        if let Some(n) = jobs {
            args.extend(["--jobs", n]);
        }
        let output = rapporteur(&args, &repo_root());
        assert!(output.status.success(), "{output:?}");
        read_tree(&out)
    };
    let serial = build(Some("1"), "serial");
    let parallel = build(Some("4"), "parallel");
    assert!(serial.len() > 50, "the example builds many files");
    assert_eq!(
        serial.keys().collect::<Vec<_>>(),
        parallel.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &serial {
        assert!(parallel[path] == *bytes, "{path} differs with --jobs 4");
    }
}
