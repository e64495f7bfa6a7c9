//! Reading an export into a header and rows of cells: CSV through the `csv`
//! crate, spreadsheets through `calamine`. Nothing here interprets a cell;
//! a spreadsheet's date cells arrive as dates, everything else as written.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDateTime;

use super::mapping::Format;
use crate::error::{Error, Result};

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A spreadsheet's date (or date-time) cell.
    Date(NaiveDateTime),
    /// A CSV field that is not UTF-8 (a Windows-1252 export), as read with
    /// replacement characters: bad wherever the mapping reads it, harmless
    /// in a column it does not.
    NotUtf8(String),
}

impl Cell {
    /// The cell as a person reads it, for messages and comparisons.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::NotUtf8(t) => t.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row with its number as a spreadsheet shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// The format of `path`: the mapping's `format`, else its extension.
pub fn format_of(path: &Path, format: Option<Format>) -> Result<Format> {
    if let Some(f) = format {
        return Ok(f);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" | "tsv" => Ok(Format::Csv),
        "xlsx" | "xlsm" => Ok(Format::Xlsx),
        "xls" => Ok(Format::Xls),
        "ods" => Ok(Format::Ods),
        _ => Err(Error::Usage(format!(
            "{}: cannot tell the file's format from its name: add `format: csv | xlsx | xls | \
             ods` to the mapping",
            path.display()
        ))),
    }
}

/// An export opened for reading: its header, then its rows one at a time
/// (`for_each`). A CSV is read as it goes, never whole; a spreadsheet is
/// read whole by `calamine`.
pub struct Rows {
    pub header: Vec<String>,
    inner: Inner,
}

enum Inner {
    Csv(Box<CsvRows<Box<dyn Read>>>),
    Sheet(std::vec::IntoIter<Row>),
}

impl Rows {
    /// Calls `each` with every row's number (as a spreadsheet shows it)
    /// and cells, in order.
    pub fn for_each(self, mut each: impl FnMut(usize, &[Cell])) -> Result<()> {
        match self.inner {
            Inner::Csv(mut csv) => {
                while let Some((number, cells)) = csv.next_row()? {
                    each(number, cells);
                }
                Ok(())
            }
            Inner::Sheet(rows) => {
                for row in rows {
                    each(row.number, &row.cells);
                }
                Ok(())
            }
        }
    }
}

/// Opens the export at `path` and reads its header.
pub fn open(
    path: &Path,
    format: Format,
    delimiter: Option<&str>,
    sheet: Option<&str>,
) -> Result<Rows> {
    match format {
        Format::Csv => {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            let reader: Box<dyn Read> = Box::new(std::io::BufReader::with_capacity(1 << 16, file));
            let csv = CsvRows::new(path, reader, delimiter)?;
            Ok(Rows {
                header: csv.header.clone(),
                inner: Inner::Csv(Box::new(csv)),
            })
        }
        Format::Xlsx | Format::Xls | Format::Ods => {
            let table = read_sheet(path, sheet)?;
            Ok(Rows {
                header: table.header,
                inner: Inner::Sheet(table.rows.into_iter()),
            })
        }
    }
}

/// Reads the export at `path` whole.
pub fn read(
    path: &Path,
    format: Format,
    delimiter: Option<&str>,
    sheet: Option<&str>,
) -> Result<Table> {
    let rows = open(path, format, delimiter, sheet)?;
    let header = rows.header.clone();
    let mut all = Vec::new();
    rows.for_each(|number, cells| {
        all.push(Row {
            number,
            cells: cells.to_vec(),
        })
    })?;
    Ok(Table { header, rows: all })
}

/// The delimiter of a CSV: the one given, else the most frequent of `,`,
/// `;` and tab outside quotes on the header line (`,` on a tie).
pub fn delimiter(header_line: &str, given: Option<&str>) -> std::result::Result<u8, String> {
    if let Some(given) = given {
        return match given {
            "\\t" | "\t" | "tab" => Ok(b'\t'),
            d if d.len() == 1 && d.is_ascii() => Ok(d.as_bytes()[0]),
            d => Err(format!(
                "`delimiter: {d}` is not one ASCII character: write `,`, `;`, `|` or `\\t`"
            )),
        };
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = [b',', b';', b'\t']
        .into_iter()
        .zip(counts)
        .fold(
            (b',', 0),
            |best, (d, n)| if n > best.1 { (d, n) } else { best },
        );
    Ok(best.0)
}

/// Reads CSV bytes (UTF-8, with or without a byte-order mark; LF or CRLF).
pub fn read_csv(path: &Path, bytes: &[u8], given: Option<&str>) -> Result<Table> {
    let mut csv = CsvRows::new(path, bytes, given)?;
    let mut rows = Vec::new();
    while let Some((number, cells)) = csv.next_row()? {
        rows.push(Row {
            number,
            cells: cells.to_vec(),
        });
    }
    Ok(Table {
        header: csv.header,
        rows,
    })
}

/// A CSV read one record at a time (UTF-8, with or without a byte-order
/// mark; LF or CRLF), its delimiter given or sniffed from the header line.
/// The cells of a row are reused for the next one.
pub struct CsvRows<R: Read> {
    pub header: Vec<String>,
    path: std::path::PathBuf,
    reader: csv::Reader<std::io::Chain<std::io::Cursor<Vec<u8>>, BufReader<R>>>,
    record: csv::ByteRecord,
    cells: Vec<Cell>,
    number: usize,
}

impl<R: Read> CsvRows<R> {
    /// Reads the header of the CSV `input` (named `path` in messages).
    pub fn new(path: &Path, input: R, given: Option<&str>) -> Result<Self> {
        let mut input = BufReader::new(input);
        let mut first = Vec::new();
        input
            .read_until(b'\n', &mut first)
            .map_err(|e| Error::io(path, e))?;
        if first.starts_with(b"\xef\xbb\xbf") {
            first.drain(..3);
        }
        let delimiter = delimiter(&String::from_utf8_lossy(&first), given)
            .map_err(|m| Error::Usage(format!("{}: {m}", path.display())))?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(std::io::Cursor::new(first).chain(input));
        let header: Vec<String> = reader
            .byte_headers()
            .map_err(|e| csv_error(path, e))?
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        Ok(CsvRows {
            header,
            path: path.to_path_buf(),
            reader,
            record: csv::ByteRecord::new(),
            cells: Vec::new(),
            number: 1,
        })
    }

    /// The next row's number and cells, or `None` at the end.
    pub fn next_row(&mut self) -> Result<Option<(usize, &[Cell])>> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| csv_error(&self.path, e))?;
        if !more {
            return Ok(None);
        }
        self.number += 1;
        self.cells.truncate(self.record.len());
        self.cells.resize(self.record.len(), Cell::Empty);
        for (cell, bytes) in self.cells.iter_mut().zip(self.record.iter()) {
            let Ok(field) = std::str::from_utf8(bytes) else {
                *cell = Cell::NotUtf8(String::from_utf8_lossy(bytes).into_owned());
                continue;
            };
            if field.trim().is_empty() {
                *cell = Cell::Empty;
            } else if let Cell::Text(t) = cell {
                t.clear();
                t.push_str(field);
            } else {
                *cell = Cell::Text(field.to_string());
            }
        }
        Ok(Some((self.number, &self.cells)))
    }
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    match e.kind() {
        csv::ErrorKind::Io(_) => Error::Usage(format!("{}: {e}", path.display())),
        csv::ErrorKind::Utf8 { pos, .. } => Error::Usage(format!(
            "{}:{}: the file is not UTF-8 text: export it as CSV UTF-8 (or save it again \
             with that encoding)",
            path.display(),
            pos.as_ref().map_or(1, |p| p.record() as usize + 1)
        )),
        _ => Error::Usage(format!("{}: cannot read the CSV: {e}", path.display())),
    }
}

/// Reads a worksheet of an .xlsx, .xls or .ods file: `sheet`, else the first.
fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Table> {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).map_err(|e| {
        Error::Usage(format!(
            "{}: cannot read the spreadsheet: {e}",
            path.display()
        ))
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                Error::Usage(format!(
                    "{}: there is no sheet `{s}`: its sheets are {}",
                    path.display(),
                    names.join(", ")
                ))
            })?,
        None => names.first().cloned().ok_or_else(|| {
            Error::Usage(format!("{}: the spreadsheet has no sheet", path.display()))
        })?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| Error::Usage(format!("{}: sheet `{name}`: {e}", path.display())))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let cell = |d: &Data| match d {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map_or_else(|| Cell::Text(d.to_string()), Cell::Date),
        Data::DateTimeIso(s) => s
            .parse::<NaiveDateTime>()
            .or_else(|_| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default())
            })
            .map_or_else(|_| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    };
    let mut rows_iter = range.rows();
    let pad = |cells: Vec<Cell>| -> Vec<Cell> {
        // Columns left of the used range are empty in every row.
        std::iter::repeat_n(Cell::Empty, first_col)
            .chain(cells)
            .collect()
    };
    let header: Vec<String> = rows_iter
        .next()
        .map(|r| pad(r.iter().map(cell).collect()))
        .unwrap_or_default()
        .iter()
        .map(|c| c.shown().trim().to_string())
        .collect();
    let rows = rows_iter
        .enumerate()
        .map(|(i, r)| Row {
            number: first_row + i + 2,
            cells: pad(r.iter().map(cell).collect()),
        })
        .collect();
    Ok(Table { header, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_sniffed_from_the_header_outside_quotes() {
        assert_eq!(delimiter("a,b,c", None), Ok(b','));
        assert_eq!(delimiter("a;b;\"c,d\"", None), Ok(b';'));
        assert_eq!(delimiter("a\tb\tc", None), Ok(b'\t'));
        assert_eq!(delimiter("single", None), Ok(b','));
        assert_eq!(delimiter("a,b", Some("\\t")), Ok(b'\t'));
        assert!(delimiter("a,b", Some("ab")).is_err());
    }

    #[test]
    fn csv_with_bom_crlf_and_quotes_reads_as_written() {
        let bytes = b"\xef\xbb\xbfQueue;Offered;Note\r\nSales;12;\"a; b\"\r\n;;\r\n";
        let t = read_csv(Path::new("x.csv"), bytes, None).unwrap();
        assert_eq!(t.header, vec!["Queue", "Offered", "Note"]);
        assert_eq!(t.rows[0].number, 2);
        assert_eq!(t.rows[0].cells[2], Cell::Text("a; b".into()));
        assert!(t.rows[1].cells.iter().all(Cell::is_empty));
    }
}
