//! The "by channel" breakdown's words. Kept here, in the statistics chunk, rather than in the shell's
//! catalogues: only this page (and the staff console) names the channels.

use aduan_core::Channel;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Lang};

/// A channel's name in the glossary's words.
pub fn channel_name(channel: Channel, lang: Lang) -> &'static str {
    let english = lang == Lang::En;
    match channel {
        Channel::Web if english => "Website",
        Channel::Web => "Situs web",
        Channel::SuggestionBox if english => "Suggestion box",
        Channel::SuggestionBox => "Kotak saran",
        Channel::Phone if english => "Phone",
        Channel::Phone => "Telepon",
        Channel::Sms => "SMS",
        Channel::Letter if english => "Letter",
        Channel::Letter => "Surat",
        Channel::WalkIn if english => "Walk-in",
        Channel::WalkIn => "Datang langsung",
    }
}

/// The heading of the channel column: "Kanal" / "Channel".
pub fn channel_heading(lang: Lang) -> &'static str {
    if lang == Lang::En {
        "Channel"
    } else {
        "Kanal"
    }
}

/// `by_channel` as the rows of a bar table, each named in the page's language (an unknown name as it came).
pub fn channel_rows(by_channel: &std::collections::BTreeMap<String, u64>) -> Vec<(Signal<String>, u64)> {
    let i18n = use_i18n();
    by_channel
        .iter()
        .map(|(name, n)| {
            let channel = Channel::parse(name);
            let fallback = name.clone();
            let label = Signal::derive(move || {
                channel.map_or_else(|| fallback.clone(), |c| channel_name(c, i18n.lang()).to_string())
            });
            (label, *n)
        })
        .collect()
}
