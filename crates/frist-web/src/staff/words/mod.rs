//! The words of the staff pages beyond the queue and the inquiry page, one catalog per page, in
//! Danish and English. Like [`super::i18n`], a missing translation is a compile error.

pub(crate) mod absence;
pub(crate) mod admin;
pub(crate) mod desk;
pub(crate) mod lead;
