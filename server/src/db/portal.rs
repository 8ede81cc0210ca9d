//! The reference data (agencies, categories, regions) and the portal description built from it.

use aduan_core::{Agency, Category, Kind, Limits, Portal, Region, SlaRules, WorkingCalendar};
use rusqlite::{params, Connection};

/// The lists a report refers to.
pub struct ReferenceData {
    pub agencies: Vec<Agency>,
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
}

/// Writes `data` when there are no agencies yet, so an operator's own edits of a live database are kept.
pub fn insert_reference_data_if_empty(conn: &mut Connection, data: &ReferenceData) -> rusqlite::Result<()> {
    let empty: bool = conn.query_row("SELECT NOT EXISTS(SELECT 1 FROM agencies)", [], |r| r.get(0))?;
    if !empty {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for a in &data.agencies {
        tx.execute(
            "INSERT INTO agencies (id, name, grp) VALUES (?1, ?2, ?3)",
            params![a.id, a.name, a.group],
        )?;
    }
    for c in &data.categories {
        tx.execute(
            "INSERT INTO categories (id, name, name_en) VALUES (?1, ?2, ?3)",
            params![c.id, c.name, c.name_en],
        )?;
    }
    for r in &data.regions {
        tx.execute("INSERT INTO regions (id, name) VALUES (?1, ?2)", params![r.id, r.name])?;
    }
    tx.commit()
}

/// The portal description the SPA reads at start: the stored lists with this server's rules.
pub fn load_portal(conn: &Connection, cal: &WorkingCalendar, name: &str) -> rusqlite::Result<Portal> {
    let agencies = conn
        .prepare("SELECT id, name, grp FROM agencies ORDER BY name")?
        .query_map([], |r| {
            Ok(Agency {
                id: r.get(0)?,
                name: r.get(1)?,
                group: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let categories = conn
        .prepare("SELECT id, name, name_en FROM categories ORDER BY rowid")?
        .query_map([], |r| {
            Ok(Category {
                id: r.get(0)?,
                name: r.get(1)?,
                name_en: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let regions = conn
        .prepare("SELECT id, name FROM regions ORDER BY name")?
        .query_map([], |r| {
            Ok(Region {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Portal {
        name: name.to_string(),
        kinds: Kind::ALL.to_vec(),
        categories,
        agencies,
        regions,
        limits: Limits::default(),
        sla: SlaRules::default(),
        holidays: cal.holidays().cloned().collect(),
        completion_target: 0.9,
    })
}

/// Whether `id` is one of the portal's categories.
pub fn category_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM categories WHERE id = ?1")?
        .exists([id])
}

/// Whether `id` is one of the portal's districts.
pub fn region_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM regions WHERE id = ?1")?.exists([id])
}
