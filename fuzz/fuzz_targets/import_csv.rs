//! Fuzz target: arbitrary bytes as a CSV export, read row by row and
//! aggregated with a fixed mapping (the ACD fixture's, else the ITSM
//! fixture's, resolved against the input's own header and
//! tests/fixtures/import/repo). Nothing may panic; every bad cell names a row
//! that was read and a column of the header.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rapporteur::import::aggregate::{Aggregator, BAD_CELLS_KEPT};
use rapporteur::import::mapping;
use rapporteur::import::table::CsvRows;

#[path = "common.rs"]
mod common;

const MAPPINGS: [&str; 2] = [
    include_str!("../../tests/fixtures/import/acd-queues.yaml"),
    include_str!("../../tests/fixtures/import/itsm-tickets.yaml"),
];


fuzz_target!(|data: &[u8]| {
    let path = Path::new("export.csv");
    let Ok(mut rows) = CsvRows::new(path, data, None) else {
        return;
    };
    let header = rows.header.clone();
    let rel = Path::new("mapping.yaml");
    let Some(plan) = MAPPINGS.iter().find_map(|text| {
        let m = mapping::parse(rel, text).expect("the fixture mappings parse");
        mapping::resolve(rel, text, &m, common::import_portfolio(), &header).ok()
    }) else {
        return;
    };
    let mut aggregator = Aggregator::new(&plan, &header);
    let mut last = 1;
    loop {
        match rows.next_row() {
            Ok(Some((number, cells))) => {
                assert_eq!(number, last + 1, "rows are numbered in order");
                last = number;
                aggregator.push(number, cells);
            }
            Ok(None) => break,
            // A read error (not UTF-8, I/O) stops the import with a message.
            Err(e) => {
                let _ = e.to_string();
                return;
            }
        }
    }
    let out = aggregator.finish();
    assert!(out.rows <= last - 1);
    assert!(out.bad.len() <= BAD_CELLS_KEPT && out.bad.len() <= out.bad_total);
    assert!(out.figures.len() <= out.rows);
    for bad in &out.bad {
        assert!(bad.row >= 2 && bad.row <= last, "row {} of {last}", bad.row);
        assert!(header.contains(&bad.column), "{bad:?} not in {header:?}");
        assert!(!bad.expected.is_empty());
        let _ = bad.to_string();
    }
});
