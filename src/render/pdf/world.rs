//! The smallest Typst world that typesets one pack: the layout as the only
//! source, the pack's data as `/data.json`, the fonts compiled into the
//! binary; no file system, no package, no system font and no clock, so the
//! same data gives the same bytes on every machine.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::ecow::EcoVec;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World, WorldExt};

/// DejaVu Sans, regular and bold (assets/fonts/LICENSE): wide coverage of
/// Latin, Greek and Cyrillic, and the status symbols the pages use.
const FONT_FILES: [&[u8]; 2] = [
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
];

/// What every pack shares, made once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

struct PackWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl World for PackWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// `layout` typeset with `data` as `/data.json`, dated `created`; `ident`
/// makes the PDF's document id (a hash of it: stable across builds).
pub(super) fn typeset(
    layout: &str,
    data: &[u8],
    created: (i32, u8, u8),
    ident: &str,
) -> Result<Vec<u8>, String> {
    let (year, month, day) = created;
    let today = Datetime::from_ymd_hms(year, month, day, 0, 0, 0)
        .ok_or_else(|| format!("{year}-{month}-{day} is not a date Typst can write"))?;
    let world = PackWorld {
        main: Source::new(
            FileId::new(None, VirtualPath::new("review.typ")),
            layout.to_string(),
        ),
        data_id: FileId::new(None, VirtualPath::new("data.json")),
        data: Bytes::new(data.to_vec()),
        today,
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| describe(&world, &errors))?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident),
        timestamp: Some(typst_pdf::Timestamp::new_utc(today)),
        ..Default::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| describe(&world, &errors))
}

/// Typst's errors in one line each, with the layout's line where known.
fn describe(world: &PackWorld, errors: &EcoVec<SourceDiagnostic>) -> String {
    errors
        .iter()
        .map(|e| {
            let text = world.main.text();
            let place = world.range(e.span).and_then(|r| {
                let line = world.main.byte_to_line(r.start)?;
                let code: String = text.get(r)?.chars().take(60).collect();
                Some(format!("review.typ line {} (`{code}`): ", line + 1))
            });
            format!("{}{}", place.unwrap_or_default(), e.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}
