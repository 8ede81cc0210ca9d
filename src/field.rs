//! The report's fields, named once: the contract's names (`"reporter.email"`) are written only here.

/// A field of the submission form, as the contract names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Kind,
    Title,
    Body,
    IncidentDate,
    RegionId,
    Address,
    CategoryId,
    AgencyId,
    Location,
    AttachmentIds,
    Anonymous,
    Confidential,
    ReporterName,
    ReporterEmail,
    ReporterPhone,
}

impl Field {
    /// In form order.
    pub const ALL: [Field; 15] = [
        Field::Kind,
        Field::Title,
        Field::Body,
        Field::IncidentDate,
        Field::RegionId,
        Field::Address,
        Field::CategoryId,
        Field::AgencyId,
        Field::Location,
        Field::AttachmentIds,
        Field::Anonymous,
        Field::Confidential,
        Field::ReporterName,
        Field::ReporterEmail,
        Field::ReporterPhone,
    ];

    /// The contract's name, as validation problems and servers' errors give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Title => "title",
            Field::Body => "body",
            Field::IncidentDate => "incident_date",
            Field::RegionId => "region_id",
            Field::Address => "address",
            Field::CategoryId => "category_id",
            Field::AgencyId => "agency_id",
            Field::Location => "location",
            Field::AttachmentIds => "attachment_ids",
            Field::Anonymous => "anonymous",
            Field::Confidential => "confidential",
            Field::ReporterName => "reporter.name",
            Field::ReporterEmail => "reporter.email",
            Field::ReporterPhone => "reporter.phone",
        }
    }

    /// The field a contract name stands for; `None` for a category's questions (`attribute.…`) and names
    /// outside the report.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The catalogue key of the field's label.
    pub fn label_key(self) -> &'static str {
        match self {
            Field::RegionId => "region",
            Field::CategoryId => "category",
            Field::AgencyId => "agency",
            Field::Location => "submit.location_title",
            Field::AttachmentIds => "attachments",
            other => other.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Field;
    use crate::i18n::{lookup, Lang};

    #[test]
    fn every_field_reads_back_from_its_name_and_has_a_label_in_both_languages() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.as_str()), Some(field));
            for lang in [Lang::Id, Lang::En] {
                assert_ne!(
                    lookup(lang, field.label_key()),
                    field.label_key(),
                    "{field:?} in {lang:?}"
                );
            }
        }
        assert_eq!(Field::parse("attribute.judul"), None);
        assert_eq!(Field::parse("reporter.email"), Some(Field::ReporterEmail));
    }
}
