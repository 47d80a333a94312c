//! The message catalog of the public pages: every user-facing string, filled from the citizen
//! catalogues of frist-i18n (`locales/*/citizen.ftl`).
//!
//! Templates take their words only from here, so a misspelt field is a compile error; a key
//! missing from a language fails frist-i18n's completeness test.

use frist_calendar::Date;

frist_i18n::words! {
    /// All strings of the public pages in one language.
    pub struct Messages in Citizen, prefix "" {
        skip_link,
        nav_label,
        nav_home,
        nav_write,
        nav_goals,
        nav_accessibility,
        footer_heading,
        footer_address,
        footer_phone,
        footer_email,
        footer_website,
        footer_cvr,
        front_intro,
        front_write_text,
        front_goals_text,
        front_accessibility_text,
        write_title,
        write_intro,
        required_mark,
        optional_mark,
        field_unit,
        unit_unknown,
        field_kind,
        kind_general_question,
        kind_application,
        kind_complaint,
        kind_information,
        kind_other,
        field_subject,
        subject_hint,
        field_message,
        field_name,
        contact_legend,
        contact_hint,
        field_email,
        field_phone,
        field_cpr,
        cpr_notice,
        submit,
        error_summary_title,
        error_prefix,
        err_subject_missing,
        err_subject_too_long,
        err_message_missing,
        err_message_too_long,
        err_name_missing,
        err_name_too_long,
        err_contact_missing,
        err_email_invalid,
        err_phone_invalid,
        err_cpr_invalid,
        err_unit_unknown,
        err_kind_unknown,
        receipt_title,
        receipt_reference,
        receipt_status_heading,
        receipt_status_text,
        receipt_status_link,
        receipt_goals_text,
        status_title,
        status_reference,
        status_subject,
        status_received,
        status_state,
        state_new,
        state_open,
        state_awaiting,
        state_answered,
        state_closed,
        status_caseworker,
        status_contact,
        status_next_step,
        status_expected,
        status_messages,
        status_no_messages,
        status_notes,
        msg_acknowledgment,
        msg_answer,
        msg_decision,
        msg_extension,
        msg_information_request,
        msg_other,
        feedback_heading,
        feedback_legend,
        feedback_comment,
        feedback_submit,
        feedback_thanks,
        err_score_missing,
        err_comment_too_long,
        not_found_title,
        not_found_text,
        forbidden_title,
        forbidden_text,
        not_allowed_title,
        not_allowed_text,
        bad_request_title,
        bad_request_text,
        too_large_title,
        too_large_text,
        error_title,
        error_text,
        back_home,
        a11y_title,
        a11y_intro,
        a11y_status_heading,
        a11y_status_text,
        a11y_how_heading,
        a11y_how_text,
        a11y_feedback_heading,
        a11y_feedback_text,
        a11y_enforcement_heading,
        a11y_enforcement_text,
        a11y_enforcement_link,
        /// The language switcher's name for screen readers.
        lang_switch_label,
        /// The header's name of the self-service (DKFDS's "solution heading").
        solution_name,
        footer_about,
        nav_privacy,
        privacy_intro,
        privacy_data_heading,
        privacy_data_text,
        privacy_keep_heading,
        privacy_keep_text,
        privacy_cookies_heading,
        privacy_cookies_text,
        privacy_rights_heading,
        privacy_rights_text,
    }
    lists {
        months: 12,
        feedback_scores: 5,
    }
}

impl Messages {
    /// "december 2026" / "December 2026" / "Dezember 2026".
    pub fn month(&self, d: Date) -> String {
        let month = self
            .months
            .get(usize::from(d.month().unsigned_abs().saturating_sub(1)))
            .copied()
            .unwrap_or("");
        format!("{month} {}", d.year())
    }

    /// "29. december 2026" / "29 December 2026" / "29. Dezember 2026".
    pub fn date(&self, d: Date) -> String {
        let month = self
            .months
            .get(usize::from(d.month().unsigned_abs().saturating_sub(1)))
            .copied()
            .unwrap_or("");
        frist_i18n::text(
            self.lang,
            frist_i18n::Audience::Citizen,
            "date",
            &[
                ("day", frist_i18n::Arg::from(i64::from(d.day()))),
                ("month", frist_i18n::Arg::from(month)),
                ("year", frist_i18n::Arg::from(i64::from(d.year()))),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frist_i18n::Lang;

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let d = jiff::civil::date(2026, 12, 29);
        assert_eq!(Messages::of(Lang::Da).date(d), "29. december 2026");
        assert_eq!(Messages::of(Lang::En).date(d), "29 December 2026");
        assert_eq!(Messages::of(Lang::De).date(d), "29. Dezember 2026");
    }
}
