//! The notifications page's words.

frist_i18n::words! {
    pub(crate) struct NotificationWords in Staff, prefix "notif-" {
        title,
        intro,
        empty,
        col_when,
        col_kind,
        col_subject,
        col_state,
        kind_digest,
        kind_warning,
        kind_escalation,
        kind_monthly_report,
        state_queued,
        state_sending,
        state_sent,
        state_failed,
        state_uncertain,
        open,
        older,
        settings,
        digest_label,
        digest_hint,
        save,
        saved_on,
        saved_off,
        no_email,
    }
}
