//! The people, units and topics of the demo municipality.

use frist_store::{Caseworker, Unit};

/// (id, name, topics people write about)
pub const UNITS: &[(&str, &str, &[&str])] = &[
    (
        "borgerservice",
        "Borgerservice",
        &[
            "Nyt pas",
            "Flytning",
            "Sundhedskort",
            "NemID og MitID",
            "Folkepension",
            "Vielse",
        ],
    ),
    (
        "byggeri",
        "Byggeri og Miljø",
        &[
            "Byggetilladelse til carport",
            "Tilbygning",
            "Støj fra byggeplads",
            "Skel og hegn",
            "Affaldssortering",
        ],
    ),
    (
        "social",
        "Social og Sundhed",
        &[
            "Hjælpemidler",
            "Hjemmehjælp",
            "Plejebolig",
            "Handicapbil",
            "Genoptræning",
        ],
    ),
    (
        "job",
        "Jobcenter",
        &[
            "Kontanthjælp",
            "Sygedagpenge",
            "Ledighedsydelse",
            "Fleksjob",
            "Ressourceforløb",
        ],
    ),
    (
        "vej",
        "Vej og Park",
        &[
            "Hul i vejen",
            "Gadelys virker ikke",
            "Snerydning",
            "Parkeringstilladelse",
            "Træer ved fortov",
        ],
    ),
];

/// (user name, name, unit)
pub const CASEWORKERS: &[(&str, &str, &str)] = &[
    ("mette.hansen", "Mette Hansen", "borgerservice"),
    ("ahmed.karimi", "Ahmed Karimi", "borgerservice"),
    ("sofie.nielsen", "Sofie Nielsen", "borgerservice"),
    ("lars.pedersen", "Lars Pedersen", "byggeri"),
    ("camilla.berg", "Camilla Berg", "byggeri"),
    ("hanne.larsen", "Hanne Larsen", "social"),
    ("peter.christensen", "Peter Christensen", "social"),
    ("fatima.ali", "Fatima Ali", "social"),
    ("jonas.madsen", "Jonas Madsen", "job"),
    ("louise.kristensen", "Louise Kristensen", "job"),
    ("niels.jorgensen", "Niels Jørgensen", "vej"),
    ("ida.rasmussen", "Ida Rasmussen", "vej"),
];

pub const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Bent",
    "Birgitte",
    "Christian",
    "Dorthe",
    "Emil",
    "Freja",
    "Gitte",
    "Hans",
    "Inge",
    "Jens",
    "Karen",
    "Kirsten",
    "Lise",
    "Mads",
    "Maja",
    "Mohammed",
    "Niels",
    "Oliver",
    "Pia",
    "Rasmus",
    "Sara",
    "Søren",
    "Tove",
    "Ulla",
    "William",
    "Zainab",
];

pub const LAST_NAMES: &[&str] = &[
    "Andersen",
    "Christensen",
    "Hansen",
    "Jensen",
    "Johansen",
    "Jørgensen",
    "Larsen",
    "Madsen",
    "Mortensen",
    "Møller",
    "Nielsen",
    "Olsen",
    "Pedersen",
    "Petersen",
    "Poulsen",
    "Rasmussen",
    "Sørensen",
    "Thomsen",
    "Yilmaz",
    "Østergaard",
];

pub const BUSINESSES: &[(&str, &str)] = &[
    ("Taastrup VVS ApS", "31245678"),
    ("Bageriet Hovedgaden I/S", "28764531"),
    ("Grøn Anlæg A/S", "35120987"),
    ("Nordsjællands Tømrerfirma", "29871234"),
    ("Café Torvet", "40123987"),
];

pub fn units() -> Vec<Unit> {
    UNITS
        .iter()
        .map(|(id, name, _)| Unit {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            email: Some(format!("{id}@kommune.example")),
            phone: Some("43 59 10 00".to_owned()),
        })
        .collect()
}

pub fn caseworkers(absent_until: frist_calendar::Date) -> Vec<Caseworker> {
    CASEWORKERS
        .iter()
        .map(|(id, name, unit)| Caseworker {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            unit: Some((*unit).to_owned()),
            email: Some(format!("{id}@kommune.example")),
            phone: Some("43 59 10 00".to_owned()),
            // One colleague is on holiday, with a substitute (HTK-5, HTK-8).
            absent: (*id == "camilla.berg").then(|| frist_store::Absence {
                until: absent_until,
                substitute: Some("lars.pedersen".to_owned()),
            }),
        })
        .collect()
}
