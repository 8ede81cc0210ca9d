use aduan_core::{current_deadline, QueueTab, ReportFilter, Role, Status};
use chrono::NaiveDate;
use rusqlite::Connection;

use super::super::listing::Paging;
use super::super::staff_fixtures::{account, at, database, step, submit};
use super::{queue, QueueRequest};
use crate::staff::Staff;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn request(tab: QueueTab, today: &str) -> QueueRequest {
    let today = day(today);
    QueueRequest {
        tab,
        filter: ReportFilter::default(),
        status: None,
        search: None,
        paging: Paging { page: 1, per_page: 20 },
        today,
        soon_until: super::super::staff_fixtures::calendar()
            .add_working_days(today, aduan_core::staff::DUE_SOON_WORKING_DAYS),
    }
}

fn titles(conn: &Connection, staff: &Staff, req: &QueueRequest) -> Vec<String> {
    queue(conn, staff, req)
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.title)
        .collect()
}

fn counts(conn: &Connection, staff: &Staff, today: &str) -> Vec<(QueueTab, u64)> {
    let page = queue(conn, staff, &request(QueueTab::All, today)).unwrap();
    page.tabs.into_iter().map(|t| (t.tab, t.count)).collect()
}

#[test]
fn the_stored_next_due_is_the_core_current_deadline_in_every_state() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let id = submit(conn, at("2026-02-02T02:00:00Z"), "Jalan berlubang", None);
        for status in Status::ALL {
            for responded in [None, Some("2026-02-10")] {
                conn.execute(
                    "UPDATE reports SET status = ?1, responded_day = ?2 WHERE id = ?3",
                    rusqlite::params![status.as_str(), responded, id],
                )?;
                let (stored, v, r, e): (Option<String>, String, String, String) = conn.query_row(
                    "SELECT next_due, verify_due, respond_due, escalate_due FROM reports WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
                let expected = current_deadline(status, responded.is_some(), day(&v), day(&r), day(&e));
                assert_eq!(stored.map(|d| day(&d)), expected, "{status:?}, responded {responded:?}");
            }
        }
        Ok(())
    })
    .unwrap();
}

/// Eight reports, one in each situation a tab tells apart.
fn crafted(conn: &Connection) {
    let (d1, d2, d3) = (
        at("2026-03-02T02:00:00Z"),
        at("2026-03-03T02:00:00Z"),
        at("2026-03-04T02:00:00Z"),
    );
    // The citizen suggested the agency: not forwarded, so no officer sees it yet.
    submit(conn, d3, "baru dengan saran dinkes", Some("dinkes"));
    let verified = submit(conn, d2, "terverifikasi", None);
    step(conn, verified, Status::Verified, None, d2);
    let back = submit(conn, d1, "dikembalikan pupr", None);
    step(conn, back, Status::Verified, None, d1);
    step(conn, back, Status::Dispositioned, Some("dinas-pupr"), d2);
    step(conn, back, Status::Verified, None, d3);
    for (title, agency, to) in [
        ("diteruskan dinkes", "dinkes", Status::Dispositioned),
        ("diteruskan pupr", "dinas-pupr", Status::Dispositioned),
        ("diproses pupr", "dinas-pupr", Status::InProgress),
        ("selesai pupr", "dinas-pupr", Status::Completed),
    ] {
        let id = submit(conn, d1, title, None);
        step(conn, id, Status::Verified, None, d1);
        step(conn, id, Status::Dispositioned, Some(agency), d1);
        if to != Status::Dispositioned {
            step(conn, id, Status::InProgress, None, d2);
        }
        if to == Status::Completed {
            step(conn, id, Status::Completed, None, d3);
        }
    }
    let rejected = submit(conn, d1, "ditolak", Some("dinas-pupr"));
    step(conn, rejected, Status::Rejected, None, d1);
}

#[test]
fn tabs_hold_what_their_definitions_say_and_an_officer_only_their_forwarded_reports() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        crafted(conn);
        let admin = account(conn, "admin", Role::Admin, &[]);
        let pupr = account(conn, "petugas-pupr", Role::Officer, &["dinas-pupr"]);
        let nobody = account(conn, "petugas-baru", Role::Officer, &[]);
        let today = "2026-03-04";
        let mut to_verify = titles(conn, &admin, &request(QueueTab::ToVerify, today));
        to_verify.sort();
        assert_eq!(to_verify, ["baru dengan saran dinkes", "terverifikasi"]);
        assert_eq!(
            titles(conn, &admin, &request(QueueTab::HandedBack, today)),
            ["dikembalikan pupr"]
        );
        let mut mine = titles(conn, &pupr, &request(QueueTab::ForwardedToMe, today));
        mine.sort();
        assert_eq!(mine, ["diproses pupr", "diteruskan pupr"]);
        let mut all = titles(conn, &pupr, &request(QueueTab::All, today));
        all.sort();
        assert_eq!(
            all,
            ["diproses pupr", "diteruskan pupr", "selesai pupr"],
            "not the handed-back one, not dinkes'"
        );
        assert_eq!(
            counts(conn, &pupr, today),
            [
                (QueueTab::ForwardedToMe, 2),
                (QueueTab::Overdue, 0),
                (QueueTab::DueSoon, 0),
                (QueueTab::All, 3)
            ]
        );
        assert_eq!(
            counts(conn, &admin, today),
            [
                (QueueTab::ToVerify, 2),
                (QueueTab::HandedBack, 1),
                (QueueTab::Overdue, 0),
                (QueueTab::DueSoon, 2),
                (QueueTab::All, 8)
            ]
        );
        assert!(counts(conn, &nobody, today).iter().all(|(_, n)| *n == 0));
        Ok(())
    })
    .unwrap();
}

#[test]
fn overdue_and_due_soon_follow_the_working_day_calendar_and_the_queue_sorts_by_the_nearest_deadline() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        crafted(conn);
        let admin = account(conn, "admin", Role::Admin, &[]);
        // Submitted on Monday 2 to Wednesday 4 March 2026: verification is due 3 working days later.
        let all = queue(conn, &admin, &request(QueueTab::All, "2026-03-04")).unwrap();
        let dues: Vec<Option<NaiveDate>> = all.items.iter().map(|i| i.due).collect();
        let known = dues.iter().take_while(|d| d.is_some()).count();
        assert!(dues[known..].iter().all(Option::is_none), "no deadline last: {dues:?}");
        assert!(
            dues[..known].windows(2).all(|w| w[0] <= w[1]),
            "nearest first: {dues:?}"
        );
        assert_eq!(known, 6, "{dues:?}");
        let overdue = |today| titles(conn, &admin, &request(QueueTab::Overdue, today));
        let soon = |today| titles(conn, &admin, &request(QueueTab::DueSoon, today));
        assert!(overdue("2026-03-05").is_empty());
        let handed_back_due = all.items.iter().find(|i| i.handed_back).unwrap().due.unwrap();
        assert_eq!(
            handed_back_due,
            day("2026-03-05"),
            "verification due 3 working days after 2 March"
        );
        assert!(soon("2026-03-03").contains(&"dikembalikan pupr".to_string()));
        assert!(
            !soon("2026-03-02").contains(&"dikembalikan pupr".to_string()),
            "three working days ahead"
        );
        assert!(overdue("2026-03-06").contains(&"dikembalikan pupr".to_string()));
        assert!(!soon("2026-03-06").contains(&"dikembalikan pupr".to_string()));
        Ok(())
    })
    .unwrap();
}

#[test]
fn filters_and_search_narrow_every_tab_and_count() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        crafted(conn);
        let admin = account(conn, "admin", Role::Admin, &[]);
        let mut req = request(QueueTab::All, "2026-03-04");
        req.filter.agency = Some("dinas-pupr".into());
        let page = queue(conn, &admin, &req).unwrap();
        // The report PUPR handed back is no longer PUPR's.
        assert_eq!(page.total, 4, "{:?}", page.items);
        assert!(page.items.iter().all(|i| !i.handed_back));
        req.search = Some("diproses".into());
        assert_eq!(titles(conn, &admin, &req), ["diproses pupr"]);
        let ticket: String = conn.query_row("SELECT ticket FROM reports WHERE title = 'ditolak'", [], |r| r.get(0))?;
        req.search = Some(ticket.to_lowercase());
        assert_eq!(titles(conn, &admin, &req), ["ditolak"], "a ticket, as people type it");
        req.search = None;
        req.status = Some(Status::InProgress);
        let page = queue(conn, &admin, &req).unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.tabs.iter().find(|t| t.tab == QueueTab::ToVerify).unwrap().count, 0);
        Ok(())
    })
    .unwrap();
}

#[test]
fn pages_split_the_tab_in_order() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        crafted(conn);
        let admin = account(conn, "admin", Role::Admin, &[]);
        let whole = titles(conn, &admin, &request(QueueTab::All, "2026-03-04"));
        let mut paged = Vec::new();
        for page in 1..=3 {
            let mut req = request(QueueTab::All, "2026-03-04");
            req.paging = Paging { page, per_page: 4 };
            paged.extend(titles(conn, &admin, &req));
        }
        assert_eq!(paged, whole);
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_database_of_the_previous_version_opens_with_its_forwarded_reports_known() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aduan.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        for sql in &super::super::MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(
            "INSERT INTO agencies (id, name) VALUES ('dinkes', 'Dinas Kesehatan');
             INSERT INTO categories (id, name) VALUES ('jalan', 'Jalan');
             INSERT INTO regions (id, name) VALUES ('cempaka', 'Cempaka');",
        )
        .unwrap();
        for (title, status, forwarded) in [("diteruskan", "in_progress", true), ("saran warga", "submitted", false)] {
            let id = submit(&tx, at("2026-03-02T02:00:00Z"), title, Some("dinkes"));
            tx.execute(
                "UPDATE reports SET status = ?1 WHERE id = ?2",
                rusqlite::params![status, id],
            )
            .unwrap();
            if forwarded {
                tx.execute(
                    "INSERT INTO events (report_id, at, status, actor) VALUES (?1, '2026-03-02T03:00:00Z', 'dispositioned', 'admin')",
                    [id],
                )
                .unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let db = super::super::Db::open(&path).unwrap();
    db.with_writer(|conn| {
        let officer = account(conn, "petugas-dinkes", Role::Officer, &["dinkes"]);
        assert_eq!(
            titles(conn, &officer, &request(QueueTab::All, "2026-03-04")),
            ["diteruskan"]
        );
        Ok(())
    })
    .unwrap();
}

#[test]
fn staff_find_a_confidential_report_by_its_words_and_the_public_search_never_does() {
    let (_dir, db) = database();
    db.with_writer(|conn| {
        let admin = account(conn, "admin", Role::Admin, &[]);
        let hidden = submit(conn, at("2026-03-02T02:00:00Z"), "Pungutan liar di kelurahan", None);
        submit(conn, at("2026-03-02T03:00:00Z"), "Pungutan parkir liar", None);
        let hide = aduan_core::ReportCorrection {
            confidential: Some(true),
            reason: "Menyangkut identitas pelapor".into(),
            ..Default::default()
        };
        super::super::staff_corrections::correct(conn, &admin, hidden, &hide, at("2026-03-02T06:00:00Z")).unwrap();
        let search = |conn: &Connection, q: &str| {
            let mut req = request(QueueTab::All, "2026-03-04");
            req.search = Some(q.into());
            let mut found = titles(conn, &admin, &req);
            found.sort();
            found
        };
        assert_eq!(
            search(conn, "pungutan"),
            ["Pungutan liar di kelurahan", "Pungutan parkir liar"]
        );
        assert_eq!(search(conn, "kelurahan"), ["Pungutan liar di kelurahan"]);
        let public: i64 = conn.query_row(
            "SELECT COUNT(*) FROM reports_fts WHERE reports_fts MATCH '\"kelurahan\"*'",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(public, 0, "the public index never holds a confidential report's words");
        // Made public again, it is found once, from the public index.
        let show = aduan_core::ReportCorrection {
            confidential: Some(false),
            ..hide
        };
        super::super::staff_corrections::correct(conn, &admin, hidden, &show, at("2026-03-02T07:00:00Z")).unwrap();
        assert_eq!(search(conn, "kelurahan"), ["Pungutan liar di kelurahan"]);
        Ok(())
    })
    .unwrap();
}
