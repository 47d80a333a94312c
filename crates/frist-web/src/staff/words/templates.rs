//! The words of the administrators' template pages (`/admin/skabeloner`).

frist_i18n::words! {
    pub(crate) struct TemplateWords in Staff, prefix "tmpl-" {
        title,
        intro,
        admin_link,
        admin_link_hint,
        caption,
        col_kind,
        col_case_type,
        all_case_types,
        kind_acknowledgment,
        kind_answer,
        kind_decision,
        kind_information_request,
        kind_extension_notice,
        source_standard,
        source_policy,
        source_edited,
        /// Added after a source when the text was written for all case types.
        for_all,
        /// "{kind}", "{case_type}" and "{lang}" are replaced: the link's name for screen readers.
        edit_link,
        edit,
        edit_title,
        edit_intro,
        now_from,
        /// "{by}" and "{when}" are replaced.
        changed,
        field_body,
        body_hint,
        placeholders_caption,
        ph_reference,
        ph_caseworker,
        ph_date_acknowledgment,
        ph_date_information_request,
        ph_date_extension_notice,
        ph_needed,
        ph_reason,
        ph_complaint_to,
        ph_complaint_deadline,
        save,
        restore,
        restore_hint,
        back,
        saved,
        restored,
        err_empty,
        /// "{placeholder}" is replaced by the unknown placeholder, braces included.
        err_placeholder,
    }
}
