//! What a duplicate is. An administrator marks a report as a duplicate of another ("Tandai duplikat"): the
//! duplicate is closed for its citizen with a message and a link to the main report, its supports move to the
//! main report, and the statistics and public lists count only the main report.
//!
//! Chains are refused rather than followed: a duplicate of a duplicate would send the citizen through two links
//! and make "counted once" depend on walking them, so the administrator is told the main report's ticket and
//! points there (422). A report that is itself a main report (has duplicates) is refused the same way.

use crate::Status;

/// What the rule reads of each of the two reports.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateCandidate {
    pub ticket: String,
    pub status: Status,
    /// The ticket of the main report when this report is already a duplicate.
    pub duplicate_of: Option<String>,
    /// Whether other reports are duplicates of this one.
    pub has_duplicates: bool,
}

/// Why `report` cannot be marked a duplicate of `main`; the HTTP status the server answers with.
#[derive(Clone, Debug, PartialEq)]
pub enum DuplicateRefusal {
    /// 422: a report is not a duplicate of itself.
    OfItself,
    /// 422: the main report is itself a duplicate; point to its own main report (the ticket given).
    MainIsDuplicate { main_of_main: String },
    /// 422: `report` has duplicates of its own, so it is a main report and not marked a duplicate.
    HasDuplicates,
    /// 409: `report` is already a duplicate (of the ticket given).
    AlreadyDuplicate { of: String },
    /// 409: `report` is rejected, completed or closed; a finished report is not merged.
    Finished,
}

impl DuplicateRefusal {
    /// The refusal's code, as the server's problem names it (the `code` of its error on `duplicate_of`) and the
    /// console's words look it up.
    pub fn code(&self) -> &'static str {
        match self {
            DuplicateRefusal::OfItself => "of_itself",
            DuplicateRefusal::MainIsDuplicate { .. } => "main_is_duplicate",
            DuplicateRefusal::HasDuplicates => "has_duplicates",
            DuplicateRefusal::AlreadyDuplicate { .. } => "already_duplicate",
            DuplicateRefusal::Finished => "finished",
        }
    }

    /// What the administrator is told, in Bahasa Indonesia or English (the server's problem, the console shows it).
    pub fn message(&self, english: bool) -> String {
        match (self, english) {
            (DuplicateRefusal::OfItself, false) => "Laporan tidak dapat menjadi duplikat dirinya sendiri.".to_string(),
            (DuplicateRefusal::OfItself, true) => "A report is not a duplicate of itself.".to_string(),
            (DuplicateRefusal::MainIsDuplicate { main_of_main }, false) => {
                format!(
                    "Laporan itu sendiri duplikat dari {main_of_main}: tandai sebagai duplikat dari {main_of_main}."
                )
            }
            (DuplicateRefusal::MainIsDuplicate { main_of_main }, true) => {
                format!(
                    "That report is itself a duplicate of {main_of_main}: mark this one a duplicate of {main_of_main}."
                )
            }
            (DuplicateRefusal::HasDuplicates, false) => {
                "Laporan ini adalah laporan utama bagi duplikat lain dan tidak ditandai duplikat.".to_string()
            }
            (DuplicateRefusal::HasDuplicates, true) => {
                "This report is the main report of other duplicates and is not marked a duplicate.".to_string()
            }
            (DuplicateRefusal::AlreadyDuplicate { of }, false) => format!("Laporan ini sudah duplikat dari {of}."),
            (DuplicateRefusal::AlreadyDuplicate { of }, true) => format!("This report is already a duplicate of {of}."),
            (DuplicateRefusal::Finished, false) => {
                "Laporan yang ditolak, selesai, atau ditutup tidak ditandai duplikat.".to_string()
            }
            (DuplicateRefusal::Finished, true) => {
                "A rejected, completed or closed report is not marked a duplicate.".to_string()
            }
        }
    }

    pub fn http_status(&self) -> u16 {
        match self {
            DuplicateRefusal::OfItself | DuplicateRefusal::MainIsDuplicate { .. } | DuplicateRefusal::HasDuplicates => {
                422
            }
            DuplicateRefusal::AlreadyDuplicate { .. } | DuplicateRefusal::Finished => 409,
        }
    }
}

/// Whether `report` may be marked a duplicate of `main`. The main report may be in any status (a completed main
/// report still answers the duplicate's citizen).
pub fn may_mark_duplicate(report: &DuplicateCandidate, main: &DuplicateCandidate) -> Result<(), DuplicateRefusal> {
    if report.ticket == main.ticket {
        return Err(DuplicateRefusal::OfItself);
    }
    may_be_a_duplicate(report)?;
    if let Some(main_of_main) = &main.duplicate_of {
        return Err(DuplicateRefusal::MainIsDuplicate {
            main_of_main: main_of_main.clone(),
        });
    }
    Ok(())
}

/// The part of the rule that reads `report` alone: whether it may be marked a duplicate of any report. The
/// console offers "Tandai duplikat" only when it may.
pub fn may_be_a_duplicate(report: &DuplicateCandidate) -> Result<(), DuplicateRefusal> {
    if let Some(of) = &report.duplicate_of {
        return Err(DuplicateRefusal::AlreadyDuplicate { of: of.clone() });
    }
    if !report.status.is_unfinished() {
        return Err(DuplicateRefusal::Finished);
    }
    if report.has_duplicates {
        return Err(DuplicateRefusal::HasDuplicates);
    }
    Ok(())
}

/// What the duplicate's citizen is told when the administrator writes nothing, and what Open311 gives as the
/// duplicate's `status_notes`: the main report's ticket, where the matter is followed.
pub fn merged_notice(main_ticket: &str) -> String {
    // Grouped as the citizen's receipt and tracking page write a ticket.
    let main = crate::ticket::Ticket::parse(main_ticket).map_or_else(|_| main_ticket.to_string(), |t| t.grouped());
    format!(
        "Laporan ini digabung dengan laporan {main} tentang masalah yang sama; tindak lanjutnya dapat diikuti di sana."
    )
}

/// The status a duplicate takes: closed, as far as its citizen is concerned.
pub const DUPLICATE_STATUS: Status = Status::Closed;

#[cfg(test)]
mod tests {
    use super::*;

    fn report(ticket: &str, status: Status) -> DuplicateCandidate {
        DuplicateCandidate {
            ticket: ticket.into(),
            status,
            duplicate_of: None,
            has_duplicates: false,
        }
    }

    #[test]
    fn every_refusal_is_worded_in_both_languages_naming_the_ticket_to_use() {
        let refusals = [
            DuplicateRefusal::OfItself,
            DuplicateRefusal::MainIsDuplicate {
                main_of_main: "K7M3Q9XRT".into(),
            },
            DuplicateRefusal::HasDuplicates,
            DuplicateRefusal::AlreadyDuplicate { of: "K7M3Q9XRT".into() },
            DuplicateRefusal::Finished,
        ];
        for refusal in &refusals {
            let (id, en) = (refusal.message(false), refusal.message(true));
            assert!(!id.is_empty() && !en.is_empty() && id != en, "{refusal:?}");
            let names_ticket = matches!(
                refusal,
                DuplicateRefusal::MainIsDuplicate { .. } | DuplicateRefusal::AlreadyDuplicate { .. }
            );
            assert_eq!(
                id.contains("K7M3Q9XRT") && en.contains("K7M3Q9XRT"),
                names_ticket,
                "{refusal:?}"
            );
        }
    }

    #[test]
    fn the_report_alone_decides_whether_the_mark_is_offered() {
        let main = DuplicateCandidate {
            has_duplicates: true,
            ..report("A", Status::Verified)
        };
        let dup = DuplicateCandidate {
            duplicate_of: Some("A".into()),
            ..report("B", Status::Closed)
        };
        assert_eq!(may_be_a_duplicate(&report("C", Status::Dispositioned)), Ok(()));
        assert_eq!(may_be_a_duplicate(&main), Err(DuplicateRefusal::HasDuplicates));
        assert_eq!(
            may_be_a_duplicate(&dup),
            Err(DuplicateRefusal::AlreadyDuplicate { of: "A".into() })
        );
        assert_eq!(
            may_be_a_duplicate(&report("D", Status::Completed)),
            Err(DuplicateRefusal::Finished)
        );
    }

    #[test]
    fn an_unfinished_report_may_be_a_duplicate_of_any_main_report() {
        for status in Status::ALL.into_iter().filter(|s| s.is_unfinished()) {
            for main_status in Status::ALL {
                assert_eq!(
                    may_mark_duplicate(&report("A", status), &report("B", main_status)),
                    Ok(()),
                    "{status:?} of {main_status:?}"
                );
            }
        }
    }

    #[test]
    fn each_refusal_has_a_code_of_its_own() {
        let refusals = [
            DuplicateRefusal::OfItself,
            DuplicateRefusal::MainIsDuplicate {
                main_of_main: "C".into(),
            },
            DuplicateRefusal::HasDuplicates,
            DuplicateRefusal::AlreadyDuplicate { of: "B".into() },
            DuplicateRefusal::Finished,
        ];
        let mut codes: Vec<&str> = refusals.iter().map(DuplicateRefusal::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), refusals.len());
    }

    #[test]
    fn the_notice_names_the_main_ticket_as_the_receipt_writes_it() {
        let main = crate::ticket::Ticket::from_random(7);
        assert!(merged_notice(main.as_str()).contains(&format!(" {} ", main.grouped())));
    }

    #[test]
    fn not_of_itself() {
        let a = report("A", Status::Submitted);
        assert_eq!(may_mark_duplicate(&a, &a), Err(DuplicateRefusal::OfItself));
        assert_eq!(DuplicateRefusal::OfItself.http_status(), 422);
    }

    #[test]
    fn not_of_a_duplicate_and_the_refusal_names_the_main_report() {
        let main = DuplicateCandidate {
            duplicate_of: Some("C".into()),
            ..report("B", Status::Closed)
        };
        let refusal = may_mark_duplicate(&report("A", Status::Submitted), &main).unwrap_err();
        assert_eq!(
            refusal,
            DuplicateRefusal::MainIsDuplicate {
                main_of_main: "C".into()
            }
        );
        assert_eq!(refusal.http_status(), 422);
    }

    #[test]
    fn a_main_report_is_not_itself_marked_a_duplicate() {
        let a = DuplicateCandidate {
            has_duplicates: true,
            ..report("A", Status::Verified)
        };
        assert_eq!(
            may_mark_duplicate(&a, &report("B", Status::Verified)),
            Err(DuplicateRefusal::HasDuplicates)
        );
    }

    #[test]
    fn not_after_it_is_finished_or_already_merged() {
        for status in [Status::Rejected, Status::Completed, Status::Closed] {
            let refusal = may_mark_duplicate(&report("A", status), &report("B", Status::Verified)).unwrap_err();
            assert_eq!(
                (refusal.clone(), refusal.http_status()),
                (DuplicateRefusal::Finished, 409)
            );
        }
        let merged = DuplicateCandidate {
            duplicate_of: Some("B".into()),
            ..report("A", Status::Closed)
        };
        let refusal = may_mark_duplicate(&merged, &report("C", Status::Verified)).unwrap_err();
        assert_eq!(refusal, DuplicateRefusal::AlreadyDuplicate { of: "B".into() });
        assert_eq!(refusal.http_status(), 409);
    }
}
