//! The health components, named once: their kind, their key in
//! `rapporteur.yaml`'s `weights:` (and in exports), their words, and their
//! default weight. Everything that lists the components (the weights, the
//! analysis, the CSV columns, the configuration `init` writes) iterates
//! [`ComponentKind::ALL`] or matches on the kind, so that the compiler
//! points at every place a new component must be handled (docs/metrics.md,
//! "Health").

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! components {
    ($($(#[$doc:meta])* $kind:ident: $key:ident, $label:literal, $weight:literal;)*) => {
        /// A component of the health score.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "lowercase")]
        pub enum ComponentKind {
            $($(#[$doc])* $kind,)*
        }

        impl ComponentKind {
            /// Every component, in the order pages and exports list them.
            pub const ALL: &'static [ComponentKind] = &[$(ComponentKind::$kind),*];

            /// The key in `weights:` and the column in exports.
            pub fn key(self) -> &'static str {
                match self {
                    $(ComponentKind::$kind => stringify!($key),)*
                }
            }

            /// Words for people: "workload realism".
            pub fn label(self) -> &'static str {
                match self {
                    $(ComponentKind::$kind => $label,)*
                }
            }

            pub fn weight(self, weights: &Weights) -> f64 {
                match self {
                    $(ComponentKind::$kind => weights.$key,)*
                }
            }
        }

        /// Weights of the health components; renormalised over the
        /// components with data.
        #[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields, default)]
        pub struct Weights {
            $(pub $key: f64,)*
        }

        impl Default for Weights {
            fn default() -> Self {
                Weights {
                    $($key: $weight,)*
                }
            }
        }
    };
}

components! {
    /// KPI statuses of both sides over the last 3 months.
    Performance: performance, "performance", 35.0;
    /// Hours worked against contracted capacity.
    Workload: workload, "workload realism", 15.0;
    /// Check-ins held against the agreed cadence, reviews on time.
    Communication: communication, "communication cadence", 15.0;
    /// Feedback from both sides, in balance.
    Feedback: feedback, "two-way feedback", 10.0;
    /// The relationship survey and its perception gap.
    Trust: trust, "trust", 15.0;
    /// Exposure of the open risks.
    Risk: risk, "risk", 10.0;
    /// Recurring obligations of both sides met on time.
    Obligations: obligations, "obligations", 10.0;
}

impl Weights {
    /// `{ performance: 35, workload: 15, ... }`: the flow mapping `init`
    /// writes, in the order of [`ComponentKind::ALL`].
    pub fn flow_yaml(&self) -> String {
        let entries: Vec<String> = ComponentKind::ALL
            .iter()
            .map(|k| format!("{}: {}", k.key(), crate::format::number(k.weight(self), 2)))
            .collect();
        format!("{{ {} }}", entries.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_serde_names() {
        for kind in ComponentKind::ALL {
            let json = serde_json::to_string(kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
        let weights = serde_json::to_value(Weights::default()).unwrap();
        let keys: Vec<&str> = ComponentKind::ALL.iter().map(|k| k.key()).collect();
        let fields: Vec<&str> = weights
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort();
        let mut sorted_fields = fields.clone();
        sorted_fields.sort();
        assert_eq!(sorted_keys, sorted_fields);
    }
}
