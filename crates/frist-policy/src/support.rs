//! What Frist does for a goal that is not a deadline: a rule it checks on what the municipality
//! sends or does, or a feature it offers so staff can keep the promise. Each has a fixed name a
//! policy file refers to, and a description in Danish and English for `frist policy check`.
//! Whether Frist actually does it today is a separate table, in `availability.rs`.

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
    /// The caseworker's direct phone number is in the signature of every letter (ROS-12).
    DirectPhoneNumber,
    /// A message marked as needing a signature cannot go by e-mail (ROS-15).
    SignatureChannel,
    /// A decision states its reason (SKA-12).
    DecisionReason,
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
    /// The substitute takes over an absent caseworker's open inquiries (HTK-8).
    SubstituteCover,
    /// An information request states what is needed and by when (HTK-16).
    InformationRequest,
    /// A referral to an authority outside the municipality (STE-13).
    ExternalReferral,
    /// A "needs extra help" marker on the inquiry (SKA-13).
    ExtraHelp,
}

/// A description in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Described {
    pub da: &'static str,
    pub en: &'static str,
}

impl RuleKind {
    pub const ALL: [RuleKind; 12] = [
        Self::AcknowledgmentContent,
        Self::ContactPerson,
        Self::ComplaintGuidance,
        Self::WrittenDecision,
        Self::SecureChannelForCpr,
        Self::ExtensionNotice,
        Self::CloseRequiresCompletion,
        Self::Readability,
        Self::CaseTypeNotices,
        Self::DirectPhoneNumber,
        Self::SignatureChannel,
        Self::DecisionReason,
    ];

    /// The name a policy file uses, e.g. `acknowledgment_content`.
    pub fn name(self) -> &'static str {
        match self {
            Self::AcknowledgmentContent => "acknowledgment_content",
            Self::ContactPerson => "contact_person",
            Self::ComplaintGuidance => "complaint_guidance",
            Self::WrittenDecision => "written_decision",
            Self::SecureChannelForCpr => "secure_channel_for_cpr",
            Self::ExtensionNotice => "extension_notice",
            Self::CloseRequiresCompletion => "close_requires_completion",
            Self::Readability => "readability",
            Self::CaseTypeNotices => "case_type_notices",
            Self::DirectPhoneNumber => "direct_phone_number",
            Self::SignatureChannel => "signature_channel",
            Self::DecisionReason => "decision_reason",
        }
    }
}

impl FeatureKind {
    pub const ALL: [FeatureKind; 25] = [
        Self::AbsenceSubstitute,
        Self::AbsenceAutoReply,
        Self::PhoneMessages,
        Self::PhoneHours,
        Self::HumanContactReport,
        Self::Referrals,
        Self::AffectsOtherAreasNotice,
        Self::CitizenVisibleNotes,
        Self::Feedback,
        Self::SelfService,
        Self::ServiceGoalPage,
        Self::CaseTypes,
        Self::ErrorRegister,
        Self::BusinessSenders,
        Self::ChannelReport,
        Self::NamedCaseworker,
        Self::AwaitingCitizen,
        Self::TransferReport,
        Self::AllChannels,
        Self::Languages,
        Self::SatisfactionSurvey,
        Self::SubstituteCover,
        Self::InformationRequest,
        Self::ExternalReferral,
        Self::ExtraHelp,
    ];

    /// The name a policy file uses, e.g. `absence_substitute`.
    pub fn name(self) -> &'static str {
        match self {
            Self::AbsenceSubstitute => "absence_substitute",
            Self::AbsenceAutoReply => "absence_auto_reply",
            Self::PhoneMessages => "phone_messages",
            Self::PhoneHours => "phone_hours",
            Self::HumanContactReport => "human_contact_report",
            Self::Referrals => "referrals",
            Self::AffectsOtherAreasNotice => "affects_other_areas_notice",
            Self::CitizenVisibleNotes => "citizen_visible_notes",
            Self::Feedback => "feedback",
            Self::SelfService => "self_service",
            Self::ServiceGoalPage => "service_goal_page",
            Self::CaseTypes => "case_types",
            Self::ErrorRegister => "error_register",
            Self::BusinessSenders => "business_senders",
            Self::ChannelReport => "channel_report",
            Self::NamedCaseworker => "named_caseworker",
            Self::AwaitingCitizen => "awaiting_citizen",
            Self::TransferReport => "transfer_report",
            Self::AllChannels => "all_channels",
            Self::Languages => "languages",
            Self::SatisfactionSurvey => "satisfaction_survey",
            Self::SubstituteCover => "substitute_cover",
            Self::InformationRequest => "information_request",
            Self::ExternalReferral => "external_referral",
            Self::ExtraHelp => "extra_help",
        }
    }
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
            Self::DirectPhoneNumber => (
                "Sagsbehandlerens direkte telefonnummer står i underskriften på hvert brev.",
                "The caseworker's direct phone number is in the signature of every letter.",
            ),
            Self::SignatureChannel => (
                "En besked, der kræver underskrift, kan ikke sendes med e-mail.",
                "A message that needs a signature cannot go by e-mail.",
            ),
            Self::DecisionReason => (
                "En afgørelse skal have en begrundelse.",
                "A decision must state its reason.",
            ),
        };
        Described { da, en }
    }
}

impl FeatureKind {
    pub fn describe(self) -> Described {
        let (da, en) = match self {
            Self::AbsenceSubstitute => (
                "Fravær med stedfortræder: ny post til den fraværende går til stedfortræderen.",
                "Absence with a substitute: new mail to the absent employee goes to the substitute.",
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
                "Telefontiderne vises offentligt.",
                "Phone hours are published.",
            ),
            Self::HumanContactReport => (
                "Rapport over andelen af telefonhenvendelser uden menneskelig kontakt.",
                "Report on the share of phone inquiries with no human contact.",
            ),
            Self::Referrals => (
                "Henvisning til en anden afdeling, registreret og talt.",
                "Referral to another unit, recorded and counted.",
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
            Self::SubstituteCover => (
                "Stedfortræderen overtager den fraværendes åbne henvendelser og frister.",
                "The substitute takes over the absent caseworker's open inquiries and deadlines.",
            ),
            Self::InformationRequest => (
                "En anmodning om oplysninger siger, hvad der mangler og hvornår, og vises på statussiden.",
                "An information request says what is needed and by when, and is shown on the status page.",
            ),
            Self::ExternalReferral => (
                "Henvisning til en myndighed uden for kommunen, registreret på henvendelsen.",
                "Referral to an authority outside the municipality, recorded on the inquiry.",
            ),
            Self::ExtraHelp => (
                "Henvendelsen kan markeres med »har brug for ekstra hjælp«, så medarbejderne kan se det.",
                "The inquiry can be marked \"needs extra help\", shown to staff.",
            ),
        };
        Described { da, en }
    }
}
