//! The search's words: the field in every staff page's header and the results page.

frist_i18n::words! {
    pub(crate) struct SearchWords in Staff, prefix "search-" {
        /// The header's search landmark.
        region_label,
        field_label,
        button,
        title,
        hint,
        caption,
        col_sender,
        col_state,
        col_deadline,
        /// "{query}" is replaced by what was typed.
        none_found,
        cpr_left_out,
        type_something,
    }
}
