//! The staff pages, behind a sign-in: `/login` and `/logout`, the queue (`/sager`) and the
//! inquiry page (`/sager/{id}`) with its first actions.
//!
//! Same frame, language mechanism and CSRF protection as the public pages; the words come from
//! [`i18n`]. Every page needs a session (module `session`); without one the browser is sent to
//! `/login?next=…`. These pages show a CPR number or a message body only after logging the view
//! in the store's access log, and never put either in a log line.

mod absence;
mod action_flow;
mod actions;
mod admin;
mod admin_templates;
mod casework;
mod deadline;
mod desk;
mod feedback;
mod flagged;
mod i18n;
mod information_request;
mod inquiry;
mod lead;
mod live;
mod login;
mod notifications;
pub(crate) mod oidc;
mod outgoing;
mod people;
mod queue;
mod reply;
mod scans;
mod search;
mod session;
mod signer;
mod texts;
mod throttle;
mod words;

#[cfg(test)]
mod catalogue_keys;

use crate::pages::i18n::Messages;
use crate::pages::security_headers;
use crate::pages::visitor::{LangLink, Visitor};
use crate::paths;
use crate::state::AppState;
use axum::Router;
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use frist_policy::{Municipality, Policy};
use frist_store::{MailStore, OutboxStore, Role, ScanStore, Store, User};
pub(crate) use i18n::StaffMessages;
pub use throttle::{SignInThrottle, Throttle};

pub(crate) fn router<
    S: Store + OutboxStore + MailStore + ScanStore + frist_store::NoticeStore + 'static,
>() -> Router<AppState<S>> {
    Router::new()
        .route(paths::LOGIN, get(login::show::<S>).post(login::submit::<S>))
        .route(paths::LOGOUT, post(login::logout::<S>))
        .route(paths::LOGIN_OIDC, get(oidc::start::<S>))
        .route(paths::LOGIN_OIDC_CALLBACK, get(oidc::callback::<S>))
        .route(paths::QUEUE, get(queue::show::<S>))
        .route(paths::DASHBOARD, get(lead::show::<S>))
        .route(paths::DASHBOARD_CSV, get(lead::csv::<S>))
        .route(paths::DASHBOARD_SERVICE, get(lead::service::<S>))
        .route(paths::DASHBOARD_LIST, get(lead::list::show::<S>))
        .route(paths::FLAGGED, get(flagged::show::<S>))
        .route(paths::FLAGGED_FILE_ROUTE, get(flagged::download::<S>))
        .route(paths::ADMIN, get(admin::show::<S>))
        .route(paths::ADMIN_UNITS, post(admin::save_unit::<S>))
        .route(paths::ADMIN_STAFF, post(admin::save_staff::<S>))
        .route(paths::ADMIN_TEMPLATES, get(admin_templates::list::<S>))
        .route(
            paths::ADMIN_TEMPLATE,
            get(admin_templates::edit::<S>).post(admin_templates::save::<S>),
        )
        .route(
            paths::ADMIN_TEMPLATE_RESTORE,
            post(admin_templates::restore::<S>),
        )
        .route(
            paths::ABSENCE,
            get(absence::show::<S>).post(absence::submit::<S>),
        )
        .route(paths::ABSENCE_END, post(absence::end::<S>))
        .route(
            paths::NOTIFICATIONS,
            get(notifications::show::<S>).post(notifications::save::<S>),
        )
        .route(paths::DESK, get(desk::show::<S>).post(desk::submit::<S>))
        .route(paths::SEARCH, get(search::show::<S>))
        .route(paths::INQUIRY_ROUTE, get(inquiry::show::<S>))
        .route(paths::REVEAL_ROUTE, post(inquiry::reveal::<S>))
        .route(paths::ASSIGN_ROUTE, post(inquiry::assign::<S>))
        .route(paths::MESSAGE_ROUTE, post(reply::submit::<S>))
        .route(paths::CHECK_ROUTE, post(live::check::<S>))
        .route(paths::NOTE_ROUTE, post(actions::note::<S>))
        .route(paths::HAND_OVER_ROUTE, post(actions::hand_over::<S>))
        .route(paths::REFER_ROUTE, post(actions::refer::<S>))
        .route(
            paths::AWAIT_CITIZEN_ROUTE,
            post(actions::await_citizen::<S>),
        )
        .route(
            paths::CITIZEN_REPLIED_ROUTE,
            post(actions::citizen_replied::<S>),
        )
        .route(paths::CLOSE_ROUTE, post(actions::close::<S>))
        .route(
            paths::REGISTER_ERROR_ROUTE,
            post(actions::register_error::<S>),
        )
        .route(
            paths::SCAN_UPLOAD_ROUTE,
            post(scans::upload::<S>).layer(axum::extract::DefaultBodyLimit::max(scans::MAX_SCAN)),
        )
        .route(paths::SCAN_ROUTE, get(scans::open::<S>))
        .route(paths::RETRY_ROUTE, post(outgoing::retry::<S>))
        .route(paths::CONFIRM_ROUTE, post(outgoing::confirm::<S>))
        .route(paths::EXTEND_ROUTE, post(actions::extend::<S>))
        // Promise actions (actions: call back, classify, reopen).
        .route(paths::CALLBACK_ROUTE, post(casework::callback::<S>))
        .route(paths::RECORD_FEEDBACK_ROUTE, post(feedback::record::<S>))
        .route(paths::RECLASSIFY_ROUTE, post(casework::reclassify::<S>))
        .route(paths::REOPEN_ROUTE, post(casework::reopen::<S>))
        .layer(axum::middleware::map_response(security_headers))
}

/// The staff pages' switcher lists the languages with a staff catalogue.
const AUDIENCE: frist_i18n::Audience = frist_i18n::Audience::Staff;

/// The frame around every staff page (`templates/staff_base.html`).
#[derive(Debug)]
pub(crate) struct StaffChrome {
    pub t: &'static Messages,
    pub s: &'static StaffMessages,
    /// The search field in the header.
    pub search: &'static words::search::SearchWords,
    pub path: String,
    /// The language switcher: this page in each language the staff pages have.
    pub langs: Vec<LangLink>,
    pub municipality: Municipality,
    /// Who is signed in (none on the sign-in page).
    pub user: Option<String>,
    /// Their role: which parts of the navigation they see.
    pub role: Option<Role>,
    /// For the sign-out form.
    pub csrf: String,
    /// "Notifikationer".
    pub nav_notifications: String,
    /// The signed-in caseworker's counts ("2 i dag, 1 overskredet") and their spoken form, when
    /// the session check read them.
    pub nav_counts: Option<(String, String)>,
}

impl StaffChrome {
    pub fn new(visitor: &Visitor, policy: &Policy, user: Option<&User>, csrf: &str) -> Self {
        let t = visitor.staff_t();
        let lang = visitor.staff_lang();
        let words = |key: &str, args: &[(&str, frist_i18n::Arg<'_>)]| {
            frist_i18n::text(lang, AUDIENCE, key, args)
        };
        let nav_counts = visitor.nav.get().filter(|_| user.is_some()).map(|c| {
            let n = |v: u64| frist_i18n::Arg::Number(i64::try_from(v).unwrap_or(i64::MAX));
            let args = [("due_today", n(c.due_today)), ("overdue", n(c.overdue))];
            (words("nav-counts", &args), words("nav-counts-label", &args))
        });
        StaffChrome {
            nav_notifications: words("nav-notifications", &[]),
            nav_counts,
            t,
            s: StaffMessages::of(visitor.staff_lang()),
            search: words::search::SearchWords::of(visitor.staff_lang()),
            langs: visitor.lang_links(AUDIENCE),
            path: visitor.path.clone(),
            municipality: policy.municipality.clone(),
            user: user.map(|u| u.username.clone()),
            role: user.map(|u| u.role),
            csrf: csrf.to_owned(),
        }
    }

    /// Whether the lead dashboard is in the navigation (leads and administrators).
    pub fn sees_dashboard(&self) -> bool {
        matches!(self.role, Some(Role::Lead | Role::Admin))
    }

    /// Whether the administration page is in the navigation.
    pub fn sees_admin(&self) -> bool {
        self.role == Some(Role::Admin)
    }
}

/// A 303 to `location`, with extra `Set-Cookie` values.
pub(crate) fn see_other(location: &str, cookies: &[String]) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(LOCATION, location.to_owned())]).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// What a username may be: the same rule as `frist user create`.
pub(crate) fn is_username(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
}

/// Where to go after signing in: only a path on this site (`/…`, not `//host` or `/\host`),
/// else the queue.
pub(crate) fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    if local { next } else { paths::QUEUE }
}

/// `s` percent-encoded for a query value.
pub(crate) fn encode_query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        let inquiry = format!("{}?x=1", paths::inquiry(4));
        assert_eq!(safe_next(&inquiry), inquiry);
        assert_eq!(safe_next("//evil.example"), paths::QUEUE);
        assert_eq!(safe_next("/\\evil.example"), paths::QUEUE);
        assert_eq!(safe_next("https://evil.example"), paths::QUEUE);
        assert_eq!(safe_next(""), paths::QUEUE);
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            encode_query("/a?tab=alle&x=æ"),
            "/a%3Ftab%3Dalle%26x%3D%C3%A6"
        );
    }
}
