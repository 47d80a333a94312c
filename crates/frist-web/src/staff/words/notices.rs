//! The words of the messages the inquiry page's actions write to the citizen themselves: the
//! extension's notice and the information request, the form asking what is needed and by when,
//! and what the page says afterwards (queued, shown on the status page, or not sent at all).

frist_i18n::words! {
    pub(crate) struct NoticeWords in Staff, prefix "ntc-" {
        request_legend,
        request_hint,
        field_request_text,
        field_request_date,
        request_button,
        extended_queued,
        extended_undelivered,
        extended_on_status_page,
        extended_not_sent,
        request_queued,
        request_undelivered,
        request_on_status_page,
        request_not_sent,
        ref_request_text,
        ref_request_date,
        ref_request_rules,
        ref_no_recipient,
    }
}
