//! The absence page's words.

frist_i18n::words! {
    pub(crate) struct AbsenceWords in Staff, prefix "absence-" {
        title,
        intro,
        form_heading,
        field_who,
        me,
        field_until,
        until_hint,
        field_substitute,
        substitute_hint,
        no_substitute,
        submit,
        saved,
        ended,
        list_heading,
        list_caption,
        nobody,
        col_who,
        col_until,
        col_substitute,
        col_inquiries,
        show_inquiries,
        end_button,
        err_who,
        err_until,
        err_until_past,
        err_substitute,
        err_substitute_self,
    }
}
