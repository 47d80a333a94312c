//! The pages that only show what the policy and the catalog say: the front page, the service
//! goals, the accessibility statement and "Privatliv og cookies".

use super::layout::{Chrome, respond};
use super::link_words::LinkWords;
use super::visitor::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use frist_policy::Explanation;
use frist_store::Store;

#[derive(Debug, Template)]
#[template(path = "front.html")]
struct FrontPage {
    chrome: Chrome,
    links: &'static LinkWords,
}

pub(crate) async fn front<S: Store>(State(app): State<AppState<S>>, visitor: Visitor) -> Response {
    let page = FrontPage {
        chrome: Chrome::new(&visitor, &app.policy.policy),
        links: LinkWords::of(visitor.lang),
    };
    respond(&visitor, StatusCode::OK, &page, None)
}

/// "Det kan du forvente af os", generated from the policy in force: the page and the deadlines
/// the engine enforces come from the same file, so they cannot drift apart.
#[derive(Debug, Template)]
#[template(path = "goals.html")]
struct GoalsPage {
    chrome: Chrome,
    explanation: Explanation,
    /// "Se, hvordan vi holder løfterne": the results page.
    results_link: &'static str,
}

pub(crate) async fn goals<S: Store>(State(app): State<AppState<S>>, visitor: Visitor) -> Response {
    let policy = &app.policy.policy;
    let page = GoalsPage {
        chrome: Chrome::new(&visitor, policy),
        explanation: Explanation::of(policy, visitor.lang),
        results_link: super::results_words::ResultsWords::of(visitor.lang).goals_link,
    };
    respond(&visitor, StatusCode::OK, &page, None)
}

#[derive(Debug, Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage {
    chrome: Chrome,
}

pub(crate) async fn accessibility<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
) -> Response {
    let page = AccessibilityPage {
        chrome: Chrome::new(&visitor, &app.policy.policy),
    };
    respond(&visitor, StatusCode::OK, &page, None)
}

#[derive(Debug, Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    chrome: Chrome,
}

/// "Privatliv og cookies": what the pages keep and the two cookies they set (DKFDS footers
/// link to this next to the accessibility statement).
pub(crate) async fn privacy<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
) -> Response {
    let page = PrivacyPage {
        chrome: Chrome::new(&visitor, &app.policy.policy),
    };
    respond(&visitor, StatusCode::OK, &page, None)
}
