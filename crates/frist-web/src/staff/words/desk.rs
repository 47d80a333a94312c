//! The front desk's words.

frist_i18n::words! {
    pub(crate) struct DeskWords in Staff, prefix "desk-" {
        title,
        intro,
        search_heading,
        search_label,
        search_hint,
        search_button,
        search_too_short,
        found_none,
        register_heading,
        how_legend,
        how_phone,
        how_visit,
        how_letter,
        field_name,
        field_phone,
        phone_hint,
        field_email,
        field_postal_address,
        postal_address_hint,
        field_subject,
        field_body,
        body_hint,
        field_unit,
        unit_none,
        field_kind,
        handled_label,
        handled_hint,
        submit,
        registered_title,
        /// "{reference}" is replaced.
        registered_text,
        open_inquiry,
        err_subject,
        err_phone,
        err_how,
        err_unit,
        err_kind,
        handled_note,
        // The case type (actions: classification where the work happens).
        field_case_type,
        case_type_hint,
        case_type_none,
        err_case_type,
    }
    counts {
        found,
    }
}
