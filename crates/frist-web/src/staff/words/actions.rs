//! The words of the promise actions on the inquiry page: the call back, reclassifying, the
//! closed state and reopening, and the link to the next inquiry after finished work.

frist_i18n::words! {
    pub(crate) struct ActionWords in Staff, prefix "act-" {
        callback_legend,
        callback_reached,
        callback_no_answer,
        callback_busy,
        callback_voicemail,
        field_callback_summary,
        callback_summary_hint,
        callback_button,
        callback_completed_notice,
        callback_attempted_notice,
        ref_callback_outcome,
        classify_legend,
        /// The prompt at the top of an unclassified e-mail or Facebook inquiry.
        ask_heading,
        ask_intro,
        field_kind,
        field_case_type,
        case_type_none,
        classify_button,
        reclassified_notice,
        ref_unknown_kind,
        ref_unknown_case_type,
        fact_kind,
        fact_case_type,
        closed_heading,
        /// "{reason}" is replaced by why it was closed.
        closed_text,
        reopen_label,
        reopen_hint,
        reopen_button,
        reopened_notice,
        ref_reopen_reason,
        ref_not_closed,
        next_inquiry,
        no_next_inquiry,
    }
}
