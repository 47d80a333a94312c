//! The words of the staff pages beyond the queue and the inquiry page, one catalog struct per
//! page, filled like [`super::i18n`] from `locales/*/staff.ftl` (keys prefixed with the page).

pub(crate) mod absence;
pub(crate) mod actions;
pub(crate) mod admin;
pub(crate) mod desk;
pub(crate) mod lead;
pub(crate) mod notices;
pub(crate) mod notifications;
pub(crate) mod queues;
pub(crate) mod reply;
pub(crate) mod search;
pub(crate) mod service;
pub(crate) mod sign_in;
pub(crate) mod templates;
