//! The category of a tracked request, as well as it can be known: Open311 servers may leave out
//! `service_code` or `service_name` in GET answers, and the services list or the device that sent the
//! report may still know it.

use crate::{Category, NamedRef};

/// The category to show for a report: the services list's entry for its code (or name), the category the
/// device remembers choosing when it sent the report, or what the server wrote; `None` when nothing is
/// known, for the page to say "not recorded" rather than leave a blank.
pub fn known_category(said: Option<&NamedRef>, services: &[Category], remembered: Option<&str>) -> Option<Category> {
    let listed = |id: &str| services.iter().find(|c| c.id == id).cloned();
    if let Some(said) = said {
        // A request without `service_code` is named by its service's name, which the list may hold.
        return listed(&said.id)
            .or_else(|| services.iter().find(|c| c.name == said.name).cloned())
            .or_else(|| {
                Some(Category {
                    id: said.id.clone(),
                    name: said.name.clone(),
                    name_en: None,
                })
            });
    }
    let remembered = remembered.filter(|id| !id.is_empty())?;
    Some(listed(remembered).unwrap_or_else(|| Category {
        id: remembered.to_string(),
        name: remembered.to_string(),
        name_en: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services() -> Vec<Category> {
        vec![Category {
            id: "jalan".into(),
            name: "Jalan rusak".into(),
            name_en: Some("Damaged road".into()),
        }]
    }

    fn named(id: &str, name: &str) -> NamedRef {
        NamedRef {
            id: id.into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_code_without_a_name_takes_the_services_lists_name() {
        let found = known_category(Some(&named("jalan", "jalan")), &services(), None).unwrap();
        assert_eq!(found.name_en.as_deref(), Some("Damaged road"));
        let by_name = known_category(Some(&named("Jalan rusak", "Jalan rusak")), &services(), None).unwrap();
        assert_eq!(by_name.id, "jalan");
        let unlisted = known_category(Some(&named("x9", "Lain-lain")), &services(), None).unwrap();
        assert_eq!(unlisted.name, "Lain-lain");
    }

    #[test]
    fn without_code_or_name_the_category_chosen_on_this_device_is_used_or_nothing() {
        assert_eq!(
            known_category(None, &services(), Some("jalan")).unwrap().name,
            "Jalan rusak"
        );
        assert_eq!(known_category(None, &services(), Some("lama")).unwrap().name, "lama");
        assert_eq!(known_category(None, &services(), None), None);
        assert_eq!(known_category(None, &services(), Some("")), None);
    }
}
