//! JSON Schema files for every YAML file a repository holds (and the
//! mappings of `rapporteur import`), generated with schemars from the same
//! serde types the loader reads, so the schemas cannot drift from what the
//! build accepts.
//!
//! Files written by `init` and `new` point at these schemas with a
//! `# yaml-language-server: $schema=...` line, so editors with the YAML
//! language server validate and complete as people type.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;

use crate::config::Config;
use crate::error::Result;
use crate::import::mapping::Mapping;
use crate::model::{EngagementRecord, NoteMeta, Period};
use crate::output::{self, Overwrite};

/// The folder, under the repository root, that `init` writes the schemas to
/// and that the `$schema` lines of scaffolded files point at.
pub const SCHEMA_DIR: &str = "schemas";

/// The YAML files of a repository, each with its schema file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `rapporteur.yaml`
    Config,
    /// `content/<id>/engagement.yaml`
    Engagement,
    /// `content/<id>/periods/YYYY-MM.yaml`
    Period,
    /// The front matter of `content/<id>/notes/*.md`
    Note,
    /// A mapping of `rapporteur import FILE --mapping MAPPING.yaml`
    /// (conventionally under `mappings/`).
    Mapping,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Config,
        Kind::Engagement,
        Kind::Period,
        Kind::Note,
        Kind::Mapping,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Config => "rapporteur.schema.json",
            Kind::Engagement => "engagement.schema.json",
            Kind::Period => "period.schema.json",
            Kind::Note => "note.schema.json",
            Kind::Mapping => "import-mapping.schema.json",
        }
    }

    /// The `$schema` line of a file of this kind at `rel` (relative to the
    /// root, `/`-separated): a relative path to `schemas/`, which the YAML
    /// language server resolves from the file's own folder.
    pub fn modeline(self, rel: &str) -> String {
        let depth = rel.matches('/').count();
        format!(
            "# yaml-language-server: $schema={}{SCHEMA_DIR}/{}\n",
            "../".repeat(depth),
            self.file_name()
        )
    }

    /// The schema as pretty JSON, ending with a newline.
    pub fn schema(self) -> String {
        let (schema, title) = match self {
            Kind::Config => (generate::<Config>(), "rapporteur.yaml"),
            Kind::Engagement => (
                generate::<EngagementRecord>(),
                "content/<engagement-id>/engagement.yaml",
            ),
            Kind::Period => (
                generate::<Period>(),
                "content/<engagement-id>/periods/YYYY-MM.yaml",
            ),
            Kind::Note => (
                generate::<NoteMeta>(),
                "front matter of content/<engagement-id>/notes/*.md",
            ),
            Kind::Mapping => (
                generate::<Mapping>(),
                "mapping of rapporteur import (mappings/*.yaml)",
            ),
        };
        let mut schema = schema;
        schema.insert("title".into(), title.into());
        crate::export::to_json(&schema)
    }
}

fn generate<T: JsonSchema>() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Every schema file: (file name, JSON text).
pub fn files() -> Vec<(&'static str, String)> {
    Kind::ALL
        .iter()
        .map(|k| (k.file_name(), k.schema()))
        .collect()
}

/// Writes every schema into `dir`; returns the paths written.
pub fn write_all(dir: &Path, overwrite: Overwrite) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (name, text) in files() {
        let path = dir.join(name);
        output::write_file(&path, text.as_bytes(), overwrite)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modelines_climb_to_the_root() {
        assert_eq!(
            Kind::Config.modeline("rapporteur.yaml"),
            "# yaml-language-server: $schema=schemas/rapporteur.schema.json\n"
        );
        assert_eq!(
            Kind::Period.modeline("content/acme/periods/2026-03.yaml"),
            "# yaml-language-server: $schema=../../../schemas/period.schema.json\n"
        );
    }

    #[test]
    fn schemas_describe_months_and_dates_as_strings() {
        let period: serde_json::Value = serde_json::from_str(&Kind::Period.schema()).unwrap();
        let text = period.to_string();
        assert!(text.contains("^[0-9]{4}-(0[1-9]|1[0-2])$"), "{text}");
        let note: serde_json::Value = serde_json::from_str(&Kind::Note.schema()).unwrap();
        assert_eq!(note["properties"]["date"]["format"], "date");
        assert_eq!(note["additionalProperties"], false);
    }
}
