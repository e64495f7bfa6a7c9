//! Scope: the part of the portfolio a build is for.
//!
//! Filtering happens once, on the model, before any figure is computed: a
//! shared build's figures are those of shared data, and nothing later in the
//! pipeline can leak what is not in the scoped model.

use crate::error::{Error, Result};

mod privacy;
use crate::model::{Audience, Engagement, Portfolio};

/// Who the build is for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Scope {
    pub audience: Audience,
    pub client: Option<String>,
    pub provider: Option<String>,
}

impl Scope {
    pub fn internal() -> Scope {
        Scope {
            audience: Audience::Internal,
            client: None,
            provider: None,
        }
    }

    /// In words, for the footer of every page and the build's summary line.
    pub fn describe(&self) -> String {
        let audience = match self.audience {
            Audience::Internal => "internal: all items",
            Audience::Shared => "shared with the partner: internal items left out",
        };
        let mut parts = vec![audience.to_string()];
        if let Some(c) = &self.client {
            parts.push(format!("client {c} only"));
        }
        if let Some(p) = &self.provider {
            parts.push(format!("provider {p} only"));
        }
        parts.join("; ")
    }

    /// [`Scope::describe`] as messages, for the footer of every page in the
    /// build's language (the command line keeps `describe`).
    pub fn text(&self) -> Vec<crate::text::Text> {
        use crate::text::Text;
        let mut parts = vec![Text::new(match self.audience {
            Audience::Internal => "site-scope-internal",
            Audience::Shared => "site-scope-shared",
        })];
        if let Some(c) = &self.client {
            parts.push(Text::new("site-scope-client").with("client", c));
        }
        if let Some(p) = &self.provider {
            parts.push(Text::new("site-scope-provider").with("provider", p));
        }
        parts
    }

    /// The scoped portfolio: other parties' engagements and, for a shared
    /// build, every internal item removed.
    pub fn apply(&self, mut portfolio: Portfolio) -> Result<Portfolio> {
        // A party no engagement has is a mistake in the command, not an empty site.
        let all = &portfolio.engagements;
        if let Some(client) = &self.client
            && !all
                .iter()
                .any(|e| same_party(&e.record.client.name, client))
        {
            let known = party_names(all.iter(), |e| &e.record.client.name);
            return Err(unknown_party("client", client, &known));
        }
        if let Some(provider) = &self.provider {
            let of_client = all.iter().filter(|e| {
                let c = &self.client;
                c.as_ref()
                    .is_none_or(|c| same_party(&e.record.client.name, c))
            });
            if !of_client
                .clone()
                .any(|e| same_party(&e.record.provider.name, provider))
            {
                let known = party_names(of_client, |e| &e.record.provider.name);
                return Err(unknown_party("provider", provider, &known));
            }
        }
        let floor = portfolio.config.survey.min_responses;
        portfolio.engagements = std::mem::take(&mut portfolio.engagements)
            .into_iter()
            .filter_map(|e| self.engagement(e, floor))
            .collect();
        Ok(portfolio)
    }

    /// One engagement as `apply` leaves it: `None` when it belongs to
    /// another party, else with what the audience may not see removed and
    /// the survey's privacy floor (`survey.min_responses`) applied.
    /// `serve` scopes a reloaded engagement with it.
    pub fn engagement(&self, mut e: Engagement, min_responses: usize) -> Option<Engagement> {
        let r = &e.record;
        let other = |name: &str, wanted: &Option<String>| {
            wanted.as_ref().is_some_and(|w| !same_party(name, w))
        };
        if other(&r.client.name, &self.client) || other(&r.provider.name, &self.provider) {
            return None;
        }
        if self.audience == Audience::Shared {
            keep_shared(&mut e);
        }
        // After the audience: the floor counts the responses this build sees.
        privacy::apply_floor(&mut e, min_responses);
        Some(e)
    }
}

fn keep_shared(e: &mut Engagement) {
    let shared = |a: &Option<Audience>| *a == Some(Audience::Shared);
    let r = &mut e.record;
    r.goals.retain(|x| shared(&x.audience));
    r.expectations.retain(|x| shared(&x.audience));
    r.risks.retain(|x| shared(&x.audience));
    r.milestones.retain(|x| shared(&x.audience));
    r.obligations.retain(|x| shared(&x.audience));
    for p in &mut e.periods {
        p.feedback.retain(|x| shared(&x.audience));
        if let Some(s) = &mut p.survey {
            s.responses.retain(|x| shared(&x.audience));
        }
    }
    e.notes.retain(|n| shared(&n.meta.audience));
    for n in &mut e.notes {
        n.meta.feedback.retain(|x| shared(&x.audience));
    }
}

/// Party names match ignoring case and surrounding space.
fn same_party(name: &str, wanted: &str) -> bool {
    name.trim().eq_ignore_ascii_case(wanted.trim())
}

fn party_names<'a>(
    engagements: impl Iterator<Item = &'a Engagement>,
    name: impl Fn(&Engagement) -> &String,
) -> Vec<String> {
    let mut names: Vec<String> = engagements.map(|e| name(e).clone()).collect();
    names.sort();
    names.dedup();
    names
}

fn unknown_party(role: &str, wanted: &str, known: &[String]) -> Error {
    Error::Usage(format!(
        "no engagement has the {role} `{wanted}`; the {role}s are: {}",
        known.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worded_scope_reads_in_english_as_the_command_line_says_it() {
        let en = crate::render::language::english();
        for audience in [Audience::Internal, Audience::Shared] {
            for (client, provider) in [
                (None, None),
                (Some("Acme".to_string()), None),
                (Some("Acme".to_string()), Some("Kestrel".to_string())),
            ] {
                let scope = Scope {
                    audience,
                    client,
                    provider,
                };
                let worded: Vec<String> = scope.text().iter().map(|t| en.text(t)).collect();
                assert_eq!(worded.join("; "), scope.describe());
            }
        }
    }
}
