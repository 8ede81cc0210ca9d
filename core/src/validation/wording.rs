//! How the server words a refused field, in Indonesian or English.

use super::Rule;
use crate::contract::FieldError;

/// The server's wording of a rule, Indonesian first.
pub fn message(rule: Rule, english: bool) -> &'static str {
    match (rule, english) {
        (Rule::Required, false) => "Wajib diisi.",
        (Rule::Required, true) => "This is required.",
        (Rule::TooShort, false) => "Terlalu pendek.",
        (Rule::TooShort, true) => "Too short.",
        (Rule::TooLong, false) => "Terlalu panjang.",
        (Rule::TooLong, true) => "Too long.",
        (Rule::ControlCharacters, false) => "Berisi karakter yang tidak diizinkan.",
        (Rule::ControlCharacters, true) => "Contains characters that are not allowed.",
        (Rule::FutureDate, false) => "Tanggal tidak boleh di masa depan.",
        (Rule::FutureDate, true) => "The date cannot be in the future.",
        (Rule::TooEarlyDate, false) => "Tanggal tidak boleh sebelum 1 Januari 1945.",
        (Rule::TooEarlyDate, true) => "The date cannot be before 1 January 1945.",
        (Rule::DirectionCharacters, false) => "Berisi karakter pengubah arah teks yang tidak diizinkan.",
        (Rule::DirectionCharacters, true) => "Contains text-direction characters that are not allowed.",
        (Rule::InvalidEmail, false) => "Alamat email tidak valid.",
        (Rule::InvalidEmail, true) => "The email address is not valid.",
        (Rule::InvalidPhone, false) => "Nomor telepon tidak valid.",
        (Rule::InvalidPhone, true) => "The phone number is not valid.",
        (Rule::Unknown, false) => "Pilihan tidak dikenal.",
        (Rule::Unknown, true) => "Unknown choice.",
        (Rule::TooMany, false) => "Terlalu banyak.",
        (Rule::TooMany, true) => "Too many.",
    }
}

pub fn field_errors(errors: &[(&'static str, Rule)], english: bool) -> Vec<FieldError> {
    errors
        .iter()
        .map(|(field, rule)| FieldError {
            field: (*field).into(),
            code: rule.code().into(),
            message: message(*rule, english).into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_messages_exist_in_both_languages() {
        for rule in Rule::ALL {
            assert_ne!(message(rule, false), message(rule, true));
        }
    }
}
