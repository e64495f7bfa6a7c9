//! `rapporteur.yaml`: site settings, thresholds and weights, every key optional.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, Extra};
pub use crate::components::Weights;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub title: String,
    /// `""` means relative links, which work from `file://` and under any path.
    pub base_url: String,
    pub theme: String,
    /// The audience of items that name none and whose record names none.
    pub default_audience: Audience,
    pub markdown: MarkdownConfig,
    pub limits: Limits,
    pub thresholds: Thresholds,
    pub weights: Weights,
    /// Surveys with respondents: the privacy floor.
    pub survey: SurveyConfig,
    /// The language of the theme's words and of how numbers and dates are
    /// written: a file `languages/<language>.ftl` of the theme (`en`, `de`).
    pub language: String,
    pub extra: Extra,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Relationship reports".to_string(),
            base_url: String::new(),
            theme: "default".to_string(),
            default_audience: Audience::Internal,
            markdown: MarkdownConfig::default(),
            limits: Limits::default(),
            thresholds: Thresholds::default(),
            weights: Weights::default(),
            survey: SurveyConfig::default(),
            language: crate::render::language::FALLBACK.to_string(),
            extra: Extra::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Raw HTML in notes is escaped unless this is true.
    pub allow_html: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// The largest file read, in bytes: from 256 to 1073741824 (1 GiB).
    pub max_file_bytes: u64,
}

/// The values `limits.max_file_bytes` may take. Below 256 bytes not even a
/// short note fits, so a smaller number is a slip (`10` meant as 10 MiB);
/// above 1 GiB a file takes minutes and gigabytes to check, and the limit
/// would no longer bound anything (2^64 - 1 once wrapped to 0 in the read).
pub const MAX_FILE_BYTES: std::ops::RangeInclusive<u64> = 256..=1 << 30;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 10 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Overtime ratio above which a month is flagged.
    pub overtime_flag: f64,
    /// |client − provider| survey gap at which a dimension is flagged.
    pub perception_gap_flag: f64,
    /// Days before the renewal notice deadline at which it is flagged.
    pub notice_warning_days: i64,
    pub health: HealthBands,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            overtime_flag: 0.05,
            perception_gap_flag: 1.0,
            notice_warning_days: 60,
            health: HealthBands::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct HealthBands {
    pub green: f64,
    pub amber: f64,
}

impl Default for HealthBands {
    fn default() -> Self {
        HealthBands {
            green: 75.0,
            amber: 50.0,
        }
    }
}

/// `survey:` in rapporteur.yaml (docs/content.md, "Surveys with respondents").
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SurveyConfig {
    /// The privacy floor: a side with fewer responses in a month shows
    /// their number only, none of their answers.
    #[schemars(range(min = 1))]
    pub min_responses: usize,
}

impl Default for SurveyConfig {
    fn default() -> Self {
        SurveyConfig { min_responses: 3 }
    }
}
