//! What Frist does for a goal that is not a deadline: a rule it checks on what the municipality
//! sends or does, or a feature it offers so staff can keep the promise. Each has a fixed name a
//! policy file refers to, and a description in Danish and English for `frist policy check`.

use serde::Deserialize;

/// A check on outgoing messages or actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// An acknowledgment names the caseworker, the next step and the expected answer date.
    AcknowledgmentContent,
    /// Every response says whom to contact with questions.
    ContactPerson,
    /// A decision that can be appealed carries complaint guidance.
    ComplaintGuidance,
    /// A decision is given in writing.
    WrittenDecision,
    /// A CPR number forces Digital Post or a letter; never plain e-mail.
    SecureChannelForCpr,
    /// A deadline moves only with a notice to the citizen stating the new date and why.
    ExtensionNotice,
    /// An inquiry is closed only when answered or handed over to a named colleague.
    CloseRequiresCompletion,
    /// Outgoing text is checked for readability (LIX) and unexplained jargon.
    Readability,
    /// Notices configured for a case type (e.g. the duty to report changes) are attached.
    CaseTypeNotices,
}

/// A capability Frist offers so the promise can be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureKind {
    AbsenceSubstitute,
    AbsenceAutoReply,
    PhoneMessages,
    PhoneHours,
    HumanContactReport,
    Referrals,
    AffectsOtherAreasNotice,
    CitizenVisibleNotes,
    Feedback,
    SelfService,
    ServiceGoalPage,
    CaseTypes,
    ErrorRegister,
    BusinessSenders,
    ChannelReport,
    NamedCaseworker,
    AwaitingCitizen,
    TransferReport,
    AllChannels,
    Languages,
    SatisfactionSurvey,
}

/// A description in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Described {
    pub da: &'static str,
    pub en: &'static str,
}

impl RuleKind {
    pub fn describe(self) -> Described {
        let (da, en) = match self {
            Self::AcknowledgmentContent => (
                "En kvittering skal nævne sagsbehandleren, næste skridt og forventet svardato.",
                "An acknowledgment must name the caseworker, the next step and the expected answer date.",
            ),
            Self::ContactPerson => (
                "Alle svar skal sige, hvem borgeren kan kontakte med spørgsmål.",
                "Every response must say whom to contact with questions.",
            ),
            Self::ComplaintGuidance => (
                "En afgørelse, der kan påklages, skal have klagevejledning (hvor, hvordan og hvornår).",
                "An appealable decision must carry complaint guidance (where, how and by when).",
            ),
            Self::WrittenDecision => (
                "En afgørelse skal gives skriftligt.",
                "A decision must be given in writing.",
            ),
            Self::SecureChannelForCpr => (
                "Indeholder henvendelsen eller svaret et CPR-nummer, sendes svaret med Digital Post eller brev, aldrig almindelig e-mail.",
                "If the inquiry or the reply contains a CPR number, the reply goes by Digital Post or letter, never plain e-mail.",
            ),
            Self::ExtensionNotice => (
                "En frist kan kun forlænges sammen med besked til borgeren om ny dato og begrundelse.",
                "A deadline may be extended only with a notice to the citizen giving the new date and why.",
            ),
            Self::CloseRequiresCompletion => (
                "En sag lukkes kun med et endeligt svar eller en overdragelse til en navngiven kollega.",
                "An inquiry is closed only with a final answer or a hand-over to a named colleague.",
            ),
            Self::Readability => (
                "Udgående tekst tjekkes for læsbarhed (LIX) og uforklarede fagord.",
                "Outgoing text is checked for readability (LIX) and unexplained jargon.",
            ),
            Self::CaseTypeNotices => (
                "Faste oplysninger for sagstypen (fx pligt til at oplyse om ændringer) kommer med i svaret.",
                "Notices configured for the case type (e.g. the duty to report changes) are attached to replies.",
            ),
        };
        Described { da, en }
    }
}

impl FeatureKind {
    pub fn describe(self) -> Described {
        let (da, en) = match self {
            Self::AbsenceSubstitute => (
                "Fravær med stedfortræder: åbne frister og ny post går til stedfortræderen.",
                "Absence with a substitute: open obligations and new mail go to the substitute.",
            ),
            Self::AbsenceAutoReply => (
                "Automatisk svar ved fravær med returdato og hvem man kan kontakte.",
                "Automatic absence reply with the return date and whom to contact.",
            ),
            Self::PhoneMessages => (
                "Telefonbeskeder registreres med ønske om at blive ringet op.",
                "Phone messages are registered with a call-back request.",
            ),
            Self::PhoneHours => (
                "Telefontider pr. afdeling vises offentligt.",
                "Phone hours per unit are published.",
            ),
            Self::HumanContactReport => (
                "Rapport over andelen af telefonhenvendelser uden menneskelig kontakt.",
                "Report on the share of phone inquiries with no human contact.",
            ),
            Self::Referrals => (
                "Henvisning til anden afdeling eller myndighed, registreret og talt.",
                "Referral to another unit or authority, recorded and counted.",
            ),
            Self::AffectsOtherAreasNotice => (
                "Afgørelser kan markeres med, at de kan påvirke andre områder (fx skat, ydelser).",
                "Decisions can carry a notice that they may affect other areas (e.g. tax, benefits).",
            ),
            Self::CitizenVisibleNotes => (
                "Notater kan gøres synlige for borgeren på statussiden.",
                "Notes can be made visible to the citizen on the status page.",
            ),
            Self::Feedback => (
                "Ros, ris og klager over servicen registreres og rapporteres.",
                "Feedback and complaints about the service are recorded and reported.",
            ),
            Self::SelfService => (
                "Selvbetjeningsformular døgnet rundt.",
                "Self-service web form, available around the clock.",
            ),
            Self::ServiceGoalPage => (
                "Offentlig side med servicemålene, lavet ud fra denne fil.",
                "A public service-goal page generated from this file.",
            ),
            Self::CaseTypes => (
                "Sagstyper med egne sagsbehandlingsfrister, offentliggjort og rapporteret.",
                "Case types with their own processing deadlines, published and reported.",
            ),
            Self::ErrorRegister => (
                "Fejl kan registreres på en henvendelse og rapporteres.",
                "Errors can be registered on an inquiry and are reported.",
            ),
            Self::BusinessSenders => (
                "Afsenderen kan være en virksomhed (CVR); rapporter deler borgere og virksomheder.",
                "The sender can be a business (CVR); reports split citizens and businesses.",
            ),
            Self::ChannelReport => (
                "Rapport over henvendelser fordelt på kanal.",
                "Report of inquiries by channel.",
            ),
            Self::NamedCaseworker => (
                "Hver åben henvendelse har en navngiven sagsbehandler, som borgeren kan se.",
                "Every open inquiry has a named caseworker, shown to the citizen.",
            ),
            Self::AwaitingCitizen => (
                "Partshøring: fristen kan sættes i bero, mens der ventes på borgeren.",
                "Awaiting the citizen (partshøring) can pause a deadline.",
            ),
            Self::TransferReport => (
                "Rapport over antal videresendelser pr. henvendelse.",
                "Report of transfers per inquiry.",
            ),
            Self::AllChannels => (
                "Alle kanaler: personligt, telefon, skriftligt og digitalt.",
                "All channels: in person, phone, written and digital.",
            ),
            Self::Languages => (
                "Henvendelsens sprog registreres; borgersider findes på dansk og engelsk.",
                "The inquiry's language is recorded; citizen pages exist in Danish and English.",
            ),
            Self::SatisfactionSurvey => (
                "Tilfredshedsmåling efter afslutning, rapporteret.",
                "Satisfaction survey after closing, reported.",
            ),
        };
        Described { da, en }
    }
}
