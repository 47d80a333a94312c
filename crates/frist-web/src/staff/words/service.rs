//! The service report page's words (`/ledelse/service`).

frist_i18n::words! {
    pub(crate) struct ServiceWords in Staff, prefix "svc-" {
        title,
        intro,
        group_label,
        by_channel,
        by_unit,
        by_case_type,
        by_sender_kind,
        by_month,
        show,
        caption,
        col_received,
        col_referred,
        col_more_than_once,
        col_handed_over,
        col_phone_first,
        col_phone_messages,
        col_errors,
        col_satisfaction,
        col_promised,
        col_gross,
        col_net,
        none,
        person,
        business,
        link,
        back,
    }
}
