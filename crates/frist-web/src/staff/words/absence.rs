//! The absence page's words.

use frist_policy::Lang;

#[derive(Debug)]
pub(crate) struct AbsenceWords {
    pub title: &'static str,
    pub intro: &'static str,
    pub form_heading: &'static str,
    pub field_who: &'static str,
    pub me: &'static str,
    pub field_until: &'static str,
    pub until_hint: &'static str,
    pub field_substitute: &'static str,
    pub substitute_hint: &'static str,
    pub no_substitute: &'static str,
    pub submit: &'static str,
    pub saved: &'static str,
    pub ended: &'static str,
    pub list_heading: &'static str,
    pub list_caption: &'static str,
    pub nobody: &'static str,
    pub col_who: &'static str,
    pub col_until: &'static str,
    pub col_substitute: &'static str,
    pub col_inquiries: &'static str,
    pub show_inquiries: &'static str,
    pub end_button: &'static str,
    pub err_who: &'static str,
    pub err_until: &'static str,
    pub err_until_past: &'static str,
    pub err_substitute: &'static str,
    pub err_substitute_self: &'static str,
}

impl AbsenceWords {
    pub fn of(lang: Lang) -> &'static AbsenceWords {
        match lang {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

static DA: AbsenceWords = AbsenceWords {
    title: "Fravær",
    intro: "Meld dig selv eller en kollega fraværende. Mens fraværet varer, viser åbne henvendelser stedfortræderen, og post til den fraværendes egen postkasse går til stedfortræderen.",
    form_heading: "Meld fravær",
    field_who: "Hvem er fraværende?",
    me: "mig selv",
    field_until: "Fraværende til og med",
    until_hint: "Den sidste dag med fravær.",
    field_substitute: "Stedfortræder",
    substitute_hint: "Kollegaen, der tager sig af henvendelserne imens.",
    no_substitute: "Ingen stedfortræder",
    submit: "Gem fravær",
    saved: "Fraværet er gemt.",
    ended: "Fraværet er afsluttet.",
    list_heading: "Fraværende nu",
    list_caption: "Kolleger, der er fraværende i dag eller senere",
    nobody: "Ingen er meldt fraværende.",
    col_who: "Medarbejder",
    col_until: "Til og med",
    col_substitute: "Stedfortræder",
    col_inquiries: "Henvendelser",
    show_inquiries: "Vis henvendelserne",
    end_button: "Afslut fravær",
    err_who: "Vælg en medarbejder fra listen.",
    err_until: "Skriv datoen som åååå-mm-dd, fx 2026-12-04.",
    err_until_past: "Datoen er passeret. Vælg i dag eller en senere dag.",
    err_substitute: "Vælg en stedfortræder fra listen.",
    err_substitute_self: "Stedfortræderen skal være en anden end den fraværende.",
};

static EN: AbsenceWords = AbsenceWords {
    title: "Absence",
    intro: "Mark yourself or a colleague as absent. While the absence lasts, open inquiries show the substitute, and mail to the absent person's own mailbox goes to the substitute.",
    form_heading: "Report an absence",
    field_who: "Who is absent?",
    me: "me",
    field_until: "Absent up to and including",
    until_hint: "The last day of the absence.",
    field_substitute: "Substitute",
    substitute_hint: "The colleague who takes care of the inquiries meanwhile.",
    no_substitute: "No substitute",
    submit: "Save absence",
    saved: "The absence has been saved.",
    ended: "The absence has ended.",
    list_heading: "Absent now",
    list_caption: "Colleagues absent today or later",
    nobody: "Nobody is reported absent.",
    col_who: "Colleague",
    col_until: "Up to and including",
    col_substitute: "Substitute",
    col_inquiries: "Inquiries",
    show_inquiries: "Show the inquiries",
    end_button: "End absence",
    err_who: "Choose a colleague from the list.",
    err_until: "Write the date as yyyy-mm-dd, e.g. 2026-12-04.",
    err_until_past: "That date has passed. Choose today or a later day.",
    err_substitute: "Choose a substitute from the list.",
    err_substitute_self: "The substitute must be someone other than the absent person.",
};
