//! The words of signing in through the identity provider: on `/login`, and the pages that say
//! why a sign-in there did not let someone in.

frist_i18n::words! {
    pub(crate) struct SignInWords in Staff, prefix "oidc-" {
        intro,
        or_password,
        passwords_off,
        no_access_title,
        no_access_text,
        no_access_ask,
        cancelled_title,
        cancelled_text,
        expired_title,
        expired_text,
        failed_title,
        failed_text,
        no_username_title,
        no_username_text,
        taken_title,
        taken_text,
        ask_heading,
        try_again,
    }
}
