//! The texts a caseworker's reply starts from. They are the citizen's words, not staff's: kept
//! in the citizen catalogues, so that a German inquiry (SKA-7) gets a German acknowledgment.

frist_i18n::words! {
    pub(crate) struct ReplyWords in Citizen, prefix "reply-" {
        /// "{reference}", "{caseworker}" and "{date}" are replaced.
        acknowledgment,
        /// "{reference}" is replaced.
        answer,
        next_step,
        /// "{reference}" is replaced.
        decision,
        /// "{name}" is replaced by the sender's name.
        greeting,
        greeting_anonymous,
        sign_off,
        /// "{phone}" is replaced.
        direct_phone,
    }
}
