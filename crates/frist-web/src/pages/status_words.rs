//! The status page's words for what the municipality has asked of the citizen and the
//! extended answer date, kept apart from the page's main catalogue.

frist_i18n::words! {
    pub(crate) struct StatusWords in Citizen, prefix "stn-" {
        request_heading,
        request_by,
        request_intro,
        extended_to,
    }
}
