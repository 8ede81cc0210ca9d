//! How a report reached the portal: citizens' own reports come by `web`; an administrator types in the others.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Web,
    SuggestionBox,
    Phone,
    Sms,
    Letter,
    WalkIn,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Web,
        Channel::SuggestionBox,
        Channel::Phone,
        Channel::Sms,
        Channel::Letter,
        Channel::WalkIn,
    ];

    /// The channels a report is typed in from at the desk: every one but `web`.
    pub const OFFLINE: [Channel; 5] = [
        Channel::SuggestionBox,
        Channel::Phone,
        Channel::Sms,
        Channel::Letter,
        Channel::WalkIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::SuggestionBox => "suggestion_box",
            Channel::Phone => "phone",
            Channel::Sms => "sms",
            Channel::Letter => "letter",
            Channel::WalkIn => "walk_in",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether an administrator may record a report as having come this way (the web is the citizen's own).
    pub fn is_offline(self) -> bool {
        self != Channel::Web
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_round_trips_through_its_wire_name() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.as_str()));
        }
        assert_eq!(Channel::parse("walk_in"), Some(Channel::WalkIn));
        assert_eq!(Channel::parse("suggestion_box"), Some(Channel::SuggestionBox));
    }

    #[test]
    fn unknown_names_are_not_channels() {
        for s in ["", "Web", "walk-in", "pigeon", " phone"] {
            assert_eq!(Channel::parse(s), None, "{s}");
        }
    }

    #[test]
    fn only_web_is_not_offline_and_web_is_the_default() {
        assert_eq!(Channel::default(), Channel::Web);
        assert!(!Channel::Web.is_offline());
        assert!(Channel::OFFLINE.iter().all(|c| c.is_offline()));
        assert_eq!(Channel::OFFLINE.len() + 1, Channel::ALL.len());
    }
}
