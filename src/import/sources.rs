//! The sources an import makes from the texts' links (`<a href>`): one
//! per web address, its title the link's text, its publisher the address's
//! host (both for the editor to check); a link that is not a web address
//! (`mailto:`, `javascript:`, a relative one) is listed instead.

use std::collections::HashMap;

use super::html::{Link, Plain};
use super::ids::{slug, Ids};
use crate::model::schema::Source;
use crate::model::validate::url_problem;
use crate::model::Lang;

/// The sources made from the texts' links, one per address.
#[derive(Default)]
pub struct Sources {
    pub list: Vec<Source>,
    by_url: HashMap<String, String>,
    ids: Ids,
}

impl Sources {
    /// Adds the links of an event's headline and text as sources; returns
    /// their ids, each once. A link that is not a web address is listed.
    pub fn add(
        &mut self,
        headline: &Plain,
        summary: &Plain,
        lang: Lang,
        label: &str,
        notices: &mut Vec<String>,
    ) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for Link { href, text } in headline.links.iter().chain(&summary.links) {
            if let Some(problem) = url_problem(href) {
                notices.push(format!(
                    "{label}: not carried over: a link that cannot be a source: {problem}"
                ));
                continue;
            }
            let id = match self.by_url.get(href) {
                Some(id) => id.clone(),
                None => {
                    let rest = href.split_once("://").map_or("", |(_, r)| r);
                    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
                    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
                    let id = self.ids.claim(&slug(rest));
                    self.list.push(Source {
                        id: id.clone(),
                        title: if text.is_empty() { href.clone() } else { text.clone() },
                        lang: lang.code().to_string(),
                        translated_title: None,
                        publisher: host.to_string(),
                        url: href.clone(),
                        date: None,
                        notes: Some("Imported from a TimelineJS link: the title is the link's text and the publisher the address's host; check both.".into()),
                    });
                    self.by_url.insert(href.clone(), id.clone());
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }
}
