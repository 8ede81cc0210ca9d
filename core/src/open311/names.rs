//! Our names for Open311's: the submission fields and the request parameters that carry them, and the
//! statuses.

/// Our submission fields and the Open311 request parameters that carry them. The first pair of a field is
/// the parameter it is sent as; every pair reads back, so an error naming a parameter finds its input.
pub const PARAMETERS: &[(&str, &str)] = &[
    ("category_id", "service_code"),
    ("body", "description"),
    ("address", "address_string"),
    ("address", "address_id"),
    ("location", "lat"),
    ("location", "long"),
    ("reporter.name", "first_name"),
    ("reporter.name", "last_name"),
    ("reporter.email", "email"),
    ("reporter.phone", "phone"),
];

/// The Open311 parameter a field of ours is sent as.
pub fn parameter_of(field: &str) -> Option<&'static str> {
    PARAMETERS.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
}

/// Our field for an Open311 parameter.
pub fn field_of(parameter: &str) -> Option<&'static str> {
    PARAMETERS.iter().find(|(_, p)| *p == parameter).map(|(f, _)| *f)
}

/// Our status for an Open311 one.
pub fn status_from_open311(status: &str) -> crate::Status {
    if status.eq_ignore_ascii_case("closed") {
        crate::Status::Completed
    } else {
        crate::Status::Submitted
    }
}

/// The Open311 status of one of ours: only open and closed exist there.
pub fn status_of(status: crate::Status) -> &'static str {
    if status.is_unfinished() {
        "open"
    } else {
        "closed"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_statuses_and_fields_read_back() {
        assert_eq!(status_of(crate::Status::Escalated), "open");
        assert_eq!(status_of(crate::Status::Rejected), "closed");
        for s in crate::Status::ALL {
            assert_eq!(
                status_of(status_from_open311(status_of(s))),
                status_of(s),
                "open and closed read back"
            );
        }
        for (field, _) in PARAMETERS {
            assert_eq!(
                field_of(parameter_of(field).unwrap()),
                Some(*field),
                "{field} reads back"
            );
        }
    }
}
