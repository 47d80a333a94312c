//! The words of the status links outside the status page itself: what the receipt adds (the
//! expected date, the e-mail on its way), the "lost your link?" page, and the texts of the
//! messages that carry a link, kept apart from the pages' main catalogue.

frist_i18n::words! {
    pub(crate) struct LinkWords in Citizen, prefix "lnk-" {
        receipt_expected,
        receipt_email,
        lost_title,
        lost_intro,
        lost_reference,
        lost_reference_hint,
        lost_email,
        lost_submit,
        lost_done_title,
        lost_done,
        lost_err_reference,
        lost_err_email,
        message_label,
        confirmation_body,
        new_link_body,
    }
}
