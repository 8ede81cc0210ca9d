//! The `--demo` response templates, written with the demo accounts under the demo administrator's name.

use aduan_core::templates::validate;
use aduan_core::StepAction;
use chrono::Utc;
use rusqlite::Connection;

use crate::db::templates::{self, TemplateRow};

/// A demo template: step, category, title, Indonesian text, English text.
type DemoTemplate = (
    StepAction,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
);

const DEMO_TEMPLATES: [DemoTemplate; 5] = [
    (
        StepAction::InitialResponse,
        None,
        "Tanggapan awal umum",
        "Laporan {tiket} telah kami terima di {instansi} dan sedang kami tindak lanjuti. Kami akan memberi kabar \
         paling lambat {batas_waktu}. Pantau perkembangannya di {portal}.",
        "Report {ticket} has been received by {agency} and we are acting on it. We will update you by {deadline} at \
         the latest. Follow its progress on {portal}.",
    ),
    (
        StepAction::InitialResponse,
        Some("jalan"),
        "Jalan rusak: survei lapangan",
        "Terima kasih atas laporan {tiket}. Tim {instansi} akan meninjau lokasi jalan yang Anda laporkan sebelum \
         {batas_waktu}.",
        "Thank you for report {ticket}. A {agency} team will inspect the road you reported before {deadline}.",
    ),
    (
        StepAction::InitialResponse,
        Some("kesehatan"),
        "Layanan kesehatan: klarifikasi fasilitas",
        "Laporan {tiket} telah kami teruskan ke fasilitas kesehatan terkait untuk klarifikasi. {instansi} akan \
         menyampaikan hasilnya sebelum {batas_waktu}.",
        "Report {ticket} has been passed to the health facility concerned for clarification. {agency} will share \
         the outcome before {deadline}.",
    ),
    (
        StepAction::Complete,
        None,
        "Selesai ditindaklanjuti",
        "Laporan {tiket} telah selesai ditindaklanjuti oleh {instansi}. Terima kasih telah menggunakan {portal}.",
        "Report {ticket} has been resolved by {agency}. Thank you for using {portal}.",
    ),
    (
        StepAction::Reject,
        None,
        "Tidak dapat diproses: data kurang",
        "Laporan {tiket} belum dapat kami proses karena lokasi dan waktu kejadian belum jelas. Silakan kirim \
         laporan baru di {portal} dengan keterangan yang lebih lengkap.",
        "Report {ticket} cannot be processed because the place and time of the incident are unclear. Please send \
         a new report on {portal} with more detail.",
    ),
];

/// Writes the demo templates as `admin_id`'s (the caller's transaction also creates that account).
pub fn seed(conn: &Connection, admin_id: i64) -> rusqlite::Result<()> {
    for (action, category_id, title, text_id, text_en) in DEMO_TEMPLATES {
        let fields = validate(action, title, text_id, text_en)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(format!("demo template {title}: {e:?}").into()))?;
        let row = TemplateRow {
            action,
            category_id,
            fields: &fields,
        };
        templates::create(conn, &row, admin_id, Utc::now())?;
    }
    Ok(())
}
