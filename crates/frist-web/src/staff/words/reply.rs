//! The words around a message to the citizen: greeting, sign-off, the acknowledgment's next
//! step. They are the citizen's words, not staff's: kept in the citizen catalogues, so that a
//! German inquiry (SKA-7) gets a German acknowledgment. Each kind's own text is a template
//! (`frist_policy::resolve`), whose built-in text is in the same catalogues (`reply-*`).

frist_i18n::words! {
    pub(crate) struct ReplyWords in Citizen, prefix "reply-" {
        next_step,
        /// "{name}" is replaced by the sender's name.
        greeting,
        greeting_anonymous,
        sign_off,
        /// "{phone}" is replaced.
        direct_phone,
    }
}
