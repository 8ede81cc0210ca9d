//! Response templates: the SQL behind `/staff/templates`.

use aduan_core::templates::CheckedTemplate;
use aduan_core::{ResponseTemplate, StepAction};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::timestamp;

/// A template's row as written: checked fields, the step and the category.
pub struct TemplateRow<'a> {
    pub action: StepAction,
    pub category_id: Option<&'a str>,
    pub fields: &'a CheckedTemplate,
}

const SELECT: &str = "SELECT t.id, t.action, t.category_id, t.title, t.text_id, t.text_en, t.updated_at, a.username
    FROM response_templates t JOIN accounts a ON a.id = t.updated_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ResponseTemplate> {
    let action: String = row.get(1)?;
    let updated_at: String = row.get(6)?;
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, what.to_string().into())
    };
    Ok(ResponseTemplate {
        id: row.get(0)?,
        action: StepAction::parse(&action).ok_or_else(|| bad(1, "unknown step"))?,
        category_id: row.get(2)?,
        title: row.get(3)?,
        text_id: row.get(4)?,
        text_en: row.get(5)?,
        updated_at: DateTime::parse_from_rfc3339(&updated_at)
            .map_err(|_| bad(6, "bad timestamp"))?
            .with_timezone(&Utc),
        updated_by: row.get(7)?,
    })
}

/// The templates of `action` (all steps when `None`) for `category` (with it, that category's and those without
/// one; without it, all), by step, then category (general ones first), then title.
pub fn list(
    conn: &Connection,
    action: Option<StepAction>,
    category: Option<&str>,
) -> rusqlite::Result<Vec<ResponseTemplate>> {
    let sql = format!(
        "{SELECT} WHERE (?1 IS NULL OR t.action = ?1)
           AND (?2 IS NULL OR t.category_id IS NULL OR t.category_id = ?2)
         ORDER BY t.action, t.category_id IS NOT NULL, t.category_id, t.title, t.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![action.map(StepAction::as_str), category], from_row)?;
    rows.collect()
}

pub fn find(conn: &Connection, id: i64) -> rusqlite::Result<Option<ResponseTemplate>> {
    conn.prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

pub fn create(conn: &Connection, row: &TemplateRow<'_>, by: i64, at: DateTime<Utc>) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO response_templates (action, category_id, title, text_id, text_en, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        row.action.as_str(),
        row.category_id,
        row.fields.title,
        row.fields.text_id,
        row.fields.text_en,
        timestamp(at),
        by
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Whether a template `id` existed to be replaced.
pub fn replace(
    conn: &Connection,
    id: i64,
    row: &TemplateRow<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE response_templates SET action = ?2, category_id = ?3, title = ?4, text_id = ?5, text_en = ?6,
                    updated_at = ?7, updated_by = ?8
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            row.action.as_str(),
            row.category_id,
            row.fields.title,
            row.fields.text_id,
            row.fields.text_en,
            timestamp(at),
            by
        ])?;
    Ok(changed == 1)
}

/// Whether a template `id` existed to be deleted.
pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("DELETE FROM response_templates WHERE id = ?1")?
        .execute([id])?
        == 1)
}
