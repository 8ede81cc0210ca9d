//! The agency table of the statistics page: its sort orders and its CSV, shared by what is shown and what
//! is downloaded so the two cannot disagree.

use std::cmp::Ordering;

use crate::AgencyStats;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Received,
    Completed,
    CompletionRate,
    MedianResponse,
    LateRate,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Name,
        Column::Received,
        Column::Completed,
        Column::CompletionRate,
        Column::MedianResponse,
        Column::LateRate,
    ];
}

fn by(column: Column, a: &AgencyStats, b: &AgencyStats) -> Ordering {
    // Missing figures sort after every real one, whichever the direction.
    fn opt(a: Option<f64>, b: Option<f64>) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    match column {
        Column::Name => a
            .name
            .as_deref()
            .unwrap_or("\u{10FFFF}")
            .cmp(b.name.as_deref().unwrap_or("\u{10FFFF}")),
        Column::Received => a.received.cmp(&b.received),
        Column::Completed => a.completed.cmp(&b.completed),
        Column::CompletionRate => a.completion_rate.total_cmp(&b.completion_rate),
        Column::MedianResponse => opt(a.median_response_days, b.median_response_days),
        Column::LateRate => opt(a.late_rate, b.late_rate),
    }
}

/// Sorts by `column`; ties keep the larger agency first, then the name, so the order is stable to read.
pub fn sort(rows: &mut [AgencyStats], column: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let missing = |r: &AgencyStats| match column {
            Column::MedianResponse => r.median_response_days.is_none(),
            Column::LateRate => r.late_rate.is_none(),
            _ => false,
        };
        let primary = match (missing(a), missing(b)) {
            (false, true) => Ordering::Less,
            (true, false) => Ordering::Greater,
            _ if descending => by(column, b, a),
            _ => by(column, a, b),
        };
        primary
            .then_with(|| b.received.cmp(&a.received))
            .then_with(|| a.name.cmp(&b.name))
    });
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(['=', '+', '-', '@']) {
        // Quoted, and a leading formula character neutralised so a spreadsheet shows it as text.
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn one_decimal(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    format!("{}.{}", tenths / 10, (tenths % 10).abs())
}

/// The rows as CSV with a header row: rates in percent and days with one decimal, a dot as decimal mark,
/// empty where there is no figure. `unassigned` names the row of reports not yet given to an agency.
pub fn csv(rows: &[AgencyStats], header: [&str; 6], unassigned: &str) -> String {
    let mut out = header.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    for r in rows {
        let fields = [
            csv_field(r.name.as_deref().unwrap_or(unassigned)),
            r.received.to_string(),
            r.completed.to_string(),
            one_decimal(r.completion_rate * 100.0),
            r.median_response_days.map(one_decimal).unwrap_or_default(),
            r.late_rate.map(|x| one_decimal(x * 100.0)).unwrap_or_default(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `statistik_period-3m_agency-dinas-pupr.csv`: the filters in the name, only safe characters.
pub fn file_name(stem: &str, filters: &[(&str, String)], extension: &str) -> String {
    let mut name = stem.to_string();
    for (k, v) in filters {
        let v: String = v
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
            .collect();
        name.push_str(&format!("_{k}-{v}"));
    }
    format!("{name}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: Option<&str>, received: u64, completed: u64, median: Option<f64>, late: Option<f64>) -> AgencyStats {
        AgencyStats {
            id: name.map(str::to_lowercase),
            name: name.map(String::from),
            received,
            completed,
            completion_rate: if received == 0 {
                0.0
            } else {
                completed as f64 / received as f64
            },
            median_response_days: median,
            late_rate: late,
        }
    }

    fn names(rows: &[AgencyStats]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_deref().unwrap_or("-")).collect()
    }

    #[test]
    fn every_column_sorts_both_ways_with_missing_figures_last() {
        let mut rows = vec![
            row(Some("RSUD"), 10, 9, Some(2.0), Some(0.1)),
            row(Some("Dinas PUPR"), 30, 15, None, None),
            row(None, 5, 0, Some(1.0), Some(0.5)),
        ];
        sort(&mut rows, Column::Received, true);
        assert_eq!(names(&rows), ["Dinas PUPR", "RSUD", "-"]);
        sort(&mut rows, Column::Received, false);
        assert_eq!(names(&rows), ["-", "RSUD", "Dinas PUPR"]);
        sort(&mut rows, Column::Name, false);
        assert_eq!(names(&rows), ["Dinas PUPR", "RSUD", "-"]);
        sort(&mut rows, Column::CompletionRate, true);
        assert_eq!(names(&rows), ["RSUD", "Dinas PUPR", "-"]);
        sort(&mut rows, Column::MedianResponse, false);
        assert_eq!(names(&rows), ["-", "RSUD", "Dinas PUPR"]);
        sort(&mut rows, Column::MedianResponse, true);
        assert_eq!(names(&rows), ["RSUD", "-", "Dinas PUPR"]);
        sort(&mut rows, Column::LateRate, true);
        assert_eq!(names(&rows), ["-", "RSUD", "Dinas PUPR"]);
    }

    #[test]
    fn csv_quotes_what_needs_it_and_defuses_formulas() {
        let rows = vec![
            row(Some("Dinas \"A\", Kota"), 3, 2, Some(1.25), None),
            row(Some("=HYPERLINK(1)"), 1, 1, None, Some(0.0)),
            row(None, 4, 0, None, None),
        ];
        let text = csv(
            &rows,
            [
                "Instansi",
                "Masuk",
                "Selesai",
                "Tingkat penyelesaian (%)",
                "Median (hari kerja)",
                "Terlambat (%)",
            ],
            "Belum ditentukan",
        );
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Instansi,Masuk,Selesai,Tingkat penyelesaian (%),Median (hari kerja),Terlambat (%)"
        );
        assert_eq!(lines[1], "\"Dinas \"\"A\"\", Kota\",3,2,66.7,1.3,");
        assert_eq!(lines[2], "\"'=HYPERLINK(1)\",1,1,100.0,,0.0");
        assert_eq!(lines[3], "Belum ditentukan,4,0,0.0,,");
        assert_eq!(lines[4], "");
    }

    #[test]
    fn file_names_carry_the_filters_safely() {
        assert_eq!(file_name("statistik", &[], "csv"), "statistik.csv");
        assert_eq!(
            file_name(
                "statistik",
                &[("period", "3m".into()), ("agency", "dinas pupr/../x".into())],
                "json"
            ),
            "statistik_period-3m_agency-dinas-pupr----x.json"
        );
    }
}
