//! The trusted timeline: what [`super::load`] gives once every rule
//! holds, with its look-ups.

use super::date::PartialDate;
use super::schema::{Event, Localized, Organisation, Participant, Person, Source, TimelineDoc};

/// Everything a timeline file says besides its events, which live in
/// [`Timeline::entries`] with their dates parsed (so there is no list of
/// events here to be found empty).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineHead {
    pub title: Localized,
    pub subtitle: Option<Localized>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub sources: Vec<Source>,
    /// Where images may come from over `https:` (the build's CSP).
    pub media_hosts: Vec<String>,
}

impl TimelineHead {
    /// Splits a parsed file into its head and its events.
    pub fn split(doc: TimelineDoc) -> (TimelineHead, Vec<Event>) {
        let TimelineDoc {
            title,
            subtitle,
            organisations,
            people,
            sources,
            events,
            media_hosts,
            ..
        } = doc;
        let head = TimelineHead {
            title,
            subtitle,
            organisations,
            people,
            sources,
            media_hosts,
        };
        (head, events)
    }
}

/// An event with its dates parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub event: Event,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

/// Data that passed every rule: events in date order, every reference
/// known, every date real.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// Everything but the events…
    pub doc: TimelineHead,
    /// …which are here, with their dates parsed.
    pub entries: Vec<Entry>,
}

impl Timeline {
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.doc.organisations.iter().find(|o| o.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.doc.people.iter().find(|p| p.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.doc.sources.iter().find(|s| s.id == id)
    }

    /// The index of the event with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.event.id == id)
    }

    /// An event's participants grouped by organisation: the event's own
    /// organisations first, in its order, then any other, then people with
    /// no organisation (`None`). Each group keeps the event's order.
    pub fn participants_by_organisation<'a>(
        &'a self,
        event: &'a Event,
    ) -> Vec<ParticipantGroup<'a>> {
        let mut groups: Vec<ParticipantGroup<'a>> = event
            .organisations
            .iter()
            .map(|id| ParticipantGroup {
                organisation: self.organisation(id),
                members: Vec::new(),
            })
            .collect();
        for participant in &event.participants {
            let Some(person) = self.person(&participant.person) else {
                continue;
            };
            let organisation = person
                .organisation
                .as_deref()
                .and_then(|id| self.organisation(id));
            let group = match groups
                .iter()
                .position(|g| g.organisation.map(|o| &o.id) == organisation.map(|o| &o.id))
            {
                Some(g) => g,
                None => {
                    groups.push(ParticipantGroup {
                        organisation,
                        members: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            groups[group].members.push((person, participant));
        }
        groups.retain(|g| !g.members.is_empty());
        groups
    }
}

/// People at an event who belong to one organisation.
#[derive(Debug)]
pub struct ParticipantGroup<'a> {
    pub organisation: Option<&'a Organisation>,
    pub members: Vec<(&'a Person, &'a Participant)>,
}
