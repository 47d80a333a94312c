//! Every page path in one place: the router mounts these, handlers redirect to them, templates
//! link to them (`{{ crate::paths::QUEUE }}`, `{{ crate::paths::note(id) }}`), and the tests
//! request them. A path changed here changes everywhere; no other file spells a page path.
//!
//! Constants ending in `_ROUTE` are the router's patterns (`{id}` placeholders); the functions
//! of the same name fill them in. The JSON API's paths are not here: they belong to the API's
//! route table and OpenAPI document.

use std::fmt::Display;

// The citizens' pages.
pub const FRONT: &str = "/";
pub const GOALS: &str = "/forventninger";
pub const ACCESSIBILITY: &str = "/tilgaengelighed";
/// "Privatliv og cookies".
pub const PRIVACY: &str = "/privatliv";
/// The results of the last twelve months, public, and the same as open data.
pub const RESULTS: &str = "/resultater";
pub const RESULTS_CSV: &str = "/resultater.csv";
pub const RESULTS_JSON: &str = "/resultater.json";
pub const WRITE: &str = "/skriv";
pub const STATUS_ROUTE: &str = "/status/{token}";
/// "Har du mistet dit link?" (a token is 43 characters, so it is never this).
pub const LOST_LINK: &str = "/status/nyt-link";
pub const FEEDBACK_ROUTE: &str = "/status/{token}/feedback";
/// The staff pages' stylesheet and script.
pub const STYLESHEET: &str = "/static/frist.css";
pub const SCRIPT: &str = "/static/frist.js";
/// What the citizen pages add to DKFDS.
pub const CITIZEN_STYLESHEET: &str = "/static/citizen.css";
/// Det Fælles Designsystem, vendored by `scripts/vendor-dkfds`.
pub const DKFDS_ROUTE: &str = "/static/dkfds/{*file}";
pub const DKFDS_STYLESHEET: &str = "/static/dkfds/dkfds.min.css";
/// The icon sprite; templates name a symbol after `#`.
pub const DKFDS_ICONS: &str = "/static/dkfds/icons.svg";

// The staff pages.
pub const LOGIN: &str = "/login";
pub const LOGOUT: &str = "/logout";
/// Signing in through the identity provider: leaving for it, and coming back from it.
pub const LOGIN_OIDC: &str = "/login/oidc";
pub const LOGIN_OIDC_CALLBACK: &str = "/login/oidc/callback";
pub const QUEUE: &str = "/sager";
pub const DASHBOARD: &str = "/ledelse";
/// The dashboard's compliance tables of a month as CSV (`?maaned=YYYY-MM`).
pub const DASHBOARD_CSV: &str = "/ledelse/overholdelse.csv";
/// A month's service report (`?maaned=YYYY-MM&efter=kanal|afdeling|sagstype|afsender|maaned`).
pub const DASHBOARD_SERVICE: &str = "/ledelse/service";
/// The deadlines behind one figure of the dashboard.
pub const DASHBOARD_LIST: &str = "/ledelse/frister";
pub const FLAGGED: &str = "/post/markeret";
pub const FLAGGED_FILE_ROUTE: &str = "/post/markeret/{file}";
pub const ADMIN: &str = "/admin";
pub const ADMIN_UNITS: &str = "/admin/afdelinger";
pub const ADMIN_STAFF: &str = "/admin/medarbejdere";
/// The message templates: the list.
pub const ADMIN_TEMPLATES: &str = "/admin/skabeloner";
/// One template's form (`?kind=…&case_type=…&lang=…`), and where it is saved.
pub const ADMIN_TEMPLATE: &str = "/admin/skabeloner/ret";
/// Deletes an edit ("gendan standard").
pub const ADMIN_TEMPLATE_RESTORE: &str = "/admin/skabeloner/gendan";
pub const NOTIFICATIONS: &str = "/notifikationer";
pub const ABSENCE: &str = "/fravaer";
pub const ABSENCE_END: &str = "/fravaer/slut";
pub const DESK: &str = "/skranke";

// Search (queues and search).
pub const SEARCH: &str = "/soeg";
// One inquiry and what can be done to it.
pub const INQUIRY_ROUTE: &str = "/sager/{id}";
pub const REVEAL_ROUTE: &str = "/sager/{id}/cpr";
pub const ASSIGN_ROUTE: &str = "/sager/{id}/tildel";
pub const MESSAGE_ROUTE: &str = "/sager/{id}/besked";
pub const CHECK_ROUTE: &str = "/sager/{id}/tjek";
pub const NOTE_ROUTE: &str = "/sager/{id}/note";
pub const HAND_OVER_ROUTE: &str = "/sager/{id}/overdrag";
pub const REFER_ROUTE: &str = "/sager/{id}/videresend";
pub const AWAIT_CITIZEN_ROUTE: &str = "/sager/{id}/afvent";
pub const CITIZEN_REPLIED_ROUTE: &str = "/sager/{id}/svaret";
pub const CLOSE_ROUTE: &str = "/sager/{id}/luk";
pub const REGISTER_ERROR_ROUTE: &str = "/sager/{id}/fejl";
pub const EXTEND_ROUTE: &str = "/sager/{id}/forlaeng";
pub const SCAN_UPLOAD_ROUTE: &str = "/sager/{id}/scanning";
pub const SCAN_ROUTE: &str = "/sager/{id}/scanning/{scan}";
pub const RETRY_ROUTE: &str = "/sager/{id}/udgaaende/{outbox}/igen";
pub const CONFIRM_ROUTE: &str = "/sager/{id}/udgaaende/{outbox}/kom-frem";

// Promise actions on one inquiry (actions: call back, classify, reopen).
pub const CALLBACK_ROUTE: &str = "/sager/{id}/ringet";
pub const RECORD_FEEDBACK_ROUTE: &str = "/sager/{id}/tilbagemelding";
pub const RECLASSIFY_ROUTE: &str = "/sager/{id}/klassificer";
pub const REOPEN_ROUTE: &str = "/sager/{id}/genaabn";

/// `route` with its placeholders (`{name}`) replaced by the values, in order.
fn fill(route: &str, values: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(route.len() + 16);
    let mut rest = route;
    let mut values = values.iter();
    while let Some(start) = rest.find('{') {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let end = after.find('}').map_or(after.len(), |i| i + 1);
        match values.next() {
            Some(value) => out.push_str(&value.to_string()),
            None => out.push_str(after.get(..end).unwrap_or_default()),
        }
        rest = after.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The sign-in page, then back to `next` (already percent-encoded for a query value).
pub fn login_then(next_encoded: &str) -> String {
    format!("{LOGIN}?next={next_encoded}")
}

pub fn status(token: impl Display) -> String {
    fill(STATUS_ROUTE, &[&token])
}

pub fn feedback(token: impl Display) -> String {
    fill(FEEDBACK_ROUTE, &[&token])
}

/// A flagged message's raw bytes, by its file name (`<id>.eml`).
pub fn flagged_file(id: impl Display) -> String {
    fill(FLAGGED_FILE_ROUTE, &[&format_args!("{id}.eml")])
}

/// One template's form. Kinds, case type ids and language codes need no escaping: they are
/// lower-case letters, digits, `-` and `_` (the policy refuses other case type ids).
pub fn admin_template(kind: &str, case_type: Option<&str>, lang: &str) -> String {
    format!(
        "{ADMIN_TEMPLATE}?kind={kind}&case_type={}&lang={lang}",
        case_type.unwrap_or("")
    )
}

pub fn inquiry(id: impl Display) -> String {
    fill(INQUIRY_ROUTE, &[&id])
}

pub fn reveal(id: impl Display) -> String {
    fill(REVEAL_ROUTE, &[&id])
}

pub fn assign(id: impl Display) -> String {
    fill(ASSIGN_ROUTE, &[&id])
}

pub fn message(id: impl Display) -> String {
    fill(MESSAGE_ROUTE, &[&id])
}

pub fn check(id: impl Display) -> String {
    fill(CHECK_ROUTE, &[&id])
}

pub fn note(id: impl Display) -> String {
    fill(NOTE_ROUTE, &[&id])
}

pub fn hand_over(id: impl Display) -> String {
    fill(HAND_OVER_ROUTE, &[&id])
}

pub fn refer(id: impl Display) -> String {
    fill(REFER_ROUTE, &[&id])
}

pub fn await_citizen(id: impl Display) -> String {
    fill(AWAIT_CITIZEN_ROUTE, &[&id])
}

pub fn citizen_replied(id: impl Display) -> String {
    fill(CITIZEN_REPLIED_ROUTE, &[&id])
}

pub fn close(id: impl Display) -> String {
    fill(CLOSE_ROUTE, &[&id])
}

pub fn register_error(id: impl Display) -> String {
    fill(REGISTER_ERROR_ROUTE, &[&id])
}

pub fn extend(id: impl Display) -> String {
    fill(EXTEND_ROUTE, &[&id])
}

pub fn scan_upload(id: impl Display) -> String {
    fill(SCAN_UPLOAD_ROUTE, &[&id])
}

pub fn scan(id: impl Display, scan: impl Display) -> String {
    fill(SCAN_ROUTE, &[&id, &scan])
}

pub fn retry(id: impl Display, outbox: impl Display) -> String {
    fill(RETRY_ROUTE, &[&id, &outbox])
}

pub fn confirm(id: impl Display, outbox: impl Display) -> String {
    fill(CONFIRM_ROUTE, &[&id, &outbox])
}

// Promise actions on one inquiry (actions).
pub fn callback(id: impl Display) -> String {
    fill(CALLBACK_ROUTE, &[&id])
}

pub fn record_feedback(id: impl Display) -> String {
    fill(RECORD_FEEDBACK_ROUTE, &[&id])
}

pub fn reclassify(id: impl Display) -> String {
    fill(RECLASSIFY_ROUTE, &[&id])
}

pub fn reopen(id: impl Display) -> String {
    fill(REOPEN_ROUTE, &[&id])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(inquiry(7), "/sager/7");
        assert_eq!(retry(7, 12), "/sager/7/udgaaende/12/igen");
        assert_eq!(flagged_file(3), "/post/markeret/3.eml");
        assert_eq!(status("abc"), "/status/abc");
        assert_eq!(fill("/a/{x}/{y}", &[&1]), "/a/1/{y}");
    }

    #[test]
    fn status_links_in_messages_open_the_status_page() {
        let public = frist_channels::outbox::PublicUrl::default();
        assert_eq!(
            public.status_link("abc"),
            format!("{public}{}", status("abc"))
        );
    }
}
