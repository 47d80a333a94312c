//! The queue's words for open and closed inquiries and a substitute's cover (HTK-8).

frist_i18n::words! {
    pub(crate) struct QueuesWords in Staff, prefix "queues-" {
        /// The state filter's default: every open state.
        state_all_open,
        state_closed,
        /// "{name}" is replaced by the absent caseworker's name.
        cover_for,
    }
}
