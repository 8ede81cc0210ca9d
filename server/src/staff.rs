//! Who is calling a `/staff` route: a named account, signed in, with its role and (for an officer) its agencies.
//! The extractor that reads it from the bearer token lives with the session routes (api/staff).

use aduan_core::Role;

use crate::problem::ApiError;

/// The signed-in account behind a staff request. Every staff write is recorded against `account_id` and the
/// `role` it had at that moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Staff {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The agency ids an officer acts for; empty for the other roles.
    pub agencies: Vec<String>,
}

impl Staff {
    /// Whether the account may see a report forwarded to `agency` (an officer: only their own agencies; a report
    /// not yet forwarded is nobody's agency's).
    pub fn may_see(&self, agency: Option<&str>) -> bool {
        self.role.sees_everything() || agency.is_some_and(|a| self.agencies.iter().any(|mine| mine == a))
    }

    /// A 403 saying `why` unless the account is an administrator: for the writes only administrators make.
    pub fn admin_only(&self, why: &'static str) -> Result<(), ApiError> {
        match self.role {
            Role::Admin => Ok(()),
            _ => Err(ApiError::forbidden(why)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role, agencies: &[&str]) -> Staff {
        Staff {
            account_id: 1,
            username: "u".into(),
            display_name: "U".into(),
            role,
            agencies: agencies.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn an_officer_sees_only_reports_forwarded_to_their_agencies() {
        let officer = staff(Role::Officer, &["dinkes"]);
        assert!(officer.may_see(Some("dinkes")));
        assert!(!officer.may_see(Some("dinas-pupr")));
        assert!(!officer.may_see(None));
        for role in [Role::Admin, Role::Supervisor] {
            assert!(staff(role, &[]).may_see(None) && staff(role, &[]).may_see(Some("dinkes")));
        }
    }
}
