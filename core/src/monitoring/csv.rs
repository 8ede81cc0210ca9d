//! The monitoring table as CSV (RFC 4180): a header row in the reader's language, one row per agency, the total
//! last; CRLF line ends; a field with a comma, quote or line break is quoted with its quotes doubled.

use crate::{Monitoring, MonitoringRow};

/// The language of the header row and of the words in the cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvLang {
    Id,
    En,
}

impl CsvLang {
    pub fn parse(s: &str) -> Option<CsvLang> {
        match s {
            "id" => Some(CsvLang::Id),
            "en" => Some(CsvLang::En),
            _ => None,
        }
    }

    fn headers(self) -> [&'static str; 12] {
        match self {
            CsvLang::Id => [
                "Peringkat",
                "Instansi",
                "Diterima",
                "Terbuka",
                "Lewat batas waktu",
                "Tanggapan awal sesuai batas waktu (%)",
                "Tindak lanjut sesuai batas waktu (%)",
                "Selesai (%)",
                "Median waktu tanggapan (hari kerja)",
                "Kepuasan (1-5)",
                "Jumlah penilaian",
                "ID instansi",
            ],
            CsvLang::En => [
                "Rank",
                "Agency",
                "Received",
                "Open",
                "Overdue now",
                "Initial response within deadline (%)",
                "Follow-up within deadline (%)",
                "Completed (%)",
                "Median response time (working days)",
                "Satisfaction (1-5)",
                "Ratings",
                "Agency ID",
            ],
        }
    }

    fn unassigned(self) -> &'static str {
        match self {
            CsvLang::Id => "Belum ada instansi",
            CsvLang::En => "No agency yet",
        }
    }

    fn total(self) -> &'static str {
        match self {
            CsvLang::Id => "Semua instansi",
            CsvLang::En => "All agencies",
        }
    }
}

/// One field: a value a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a leading `'`, so that an agency named "=HYPERLINK(…)" stays text; then RFC 4180 quoting.
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn percent(share: Option<f64>) -> String {
    share.map(|s| format!("{:.1}", s * 100.0)).unwrap_or_default()
}

fn decimal(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}")).unwrap_or_default()
}

fn line(out: &mut String, cells: &[String]) {
    let fields: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

fn row_cells(row: &MonitoringRow, name: String) -> Vec<String> {
    vec![
        row.rank.map(|r| r.to_string()).unwrap_or_default(),
        name,
        row.received.to_string(),
        row.open.to_string(),
        row.overdue.to_string(),
        percent(row.response_within_rate),
        percent(row.follow_up_within_rate),
        format!("{:.1}", row.completion_rate * 100.0),
        decimal(row.median_response_days),
        row.rating_average.map(|v| format!("{v:.2}")).unwrap_or_default(),
        row.ratings.to_string(),
        row.agency_id.clone().unwrap_or_default(),
    ]
}

/// The whole table: header, the agencies in the order of `m`, then the total.
pub fn csv(m: &Monitoring, lang: CsvLang) -> String {
    let mut out = String::new();
    line(&mut out, &lang.headers().map(String::from));
    for row in &m.agencies {
        let name = match (&row.agency_name, &row.agency_id) {
            (Some(name), _) => name.clone(),
            (None, Some(id)) => id.clone(),
            (None, None) => lang.unassigned().to_string(),
        };
        line(&mut out, &row_cells(row, name));
    }
    line(&mut out, &row_cells(&m.total, lang.total().to_string()));
    out
}
