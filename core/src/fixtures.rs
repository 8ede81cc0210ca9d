//! A small portal for tests, shared by this crate's tests and other crates' (feature `fixtures`).

use crate::contract::{Agency, Category, Kind, Limits, Portal, Region, SlaRules};

pub fn portal() -> Portal {
    Portal {
        name: "Kota Contoh".into(),
        kinds: Kind::ALL.to_vec(),
        categories: vec![Category {
            id: "jalan".into(),
            name: "Jalan".into(),
            name_en: None,
        }],
        agencies: vec![Agency {
            id: "pupr".into(),
            name: "Dinas PUPR".into(),
            group: None,
        }],
        regions: vec![Region {
            id: "kec-1".into(),
            name: "Kecamatan Satu".into(),
        }],
        limits: Limits::default(),
        sla: SlaRules::default(),
        holidays: vec![],
        completion_target: 0.9,
    }
}
