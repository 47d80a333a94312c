//! Staff sign-in through the municipality's identity provider (OpenID Connect: authorization
//! code with PKCE S256, state and nonce), beside or instead of Frist's own passwords.
//!
//! `/login` shows the provider's button; `GET /login/oidc` sends the browser to the provider
//! with the sign-in kept in a signed cookie (`flow`); `GET /login/oidc/callback` exchanges the
//! code, verifies the ID token (`provider`), reads the role and unit from the groups
//! (`claims`), makes or updates the account linked to the person's issuer and subject, and
//! starts the same session a password does. Someone whose groups give no role gets a page that
//! says so, and no session.
//!
//! What this module must not do: log a code, a token, the client secret or a claim's value
//! (names, e-mail addresses, groups), or let the provider's answers decide anything but who
//! signed in, their role and their unit.

mod claims;
mod flow;
mod http;
mod provider;
mod sign_in;

pub use claims::ClaimMapping;
pub(crate) use provider::Oidc;
pub use provider::OidcSetupError;
pub(crate) use sign_in::{callback, start};

/// The `[oidc]` settings, as `frist serve` resolved them.
#[derive(Clone)]
pub struct OidcSettings {
    /// The provider's issuer URL; `/.well-known/openid-configuration` under it describes it.
    pub issuer: String,
    pub client_id: String,
    /// Never logged, never shown (`Debug` leaves it out).
    pub client_secret: String,
    /// The callback registered at the provider: Frist's address and `/login/oidc/callback`.
    pub redirect_url: String,
    /// The button's text on `/login`, e.g. "Log ind med Microsoft Entra ID".
    pub button_label: String,
    /// Scopes asked for beside `openid`, e.g. `profile`, `email`.
    pub scopes: Vec<String>,
    /// The claim a new account's username is taken from, e.g. `preferred_username`.
    pub username_claim: String,
    pub mapping: ClaimMapping,
    /// Whether staff may still sign in with a Frist password.
    pub local_passwords: bool,
    /// Whether a person signing in for the first time takes over the password account with
    /// their username (see `frist_store::ExternalSignIn::link_existing`).
    pub link_existing_users: bool,
    /// Whom to ask for access, shown to someone whose groups give no role
    /// (e.g. "IT-servicedesk, telefon 4335 1000").
    pub access_help: Option<String>,
}

impl std::fmt::Debug for OidcSettings {
    /// Without the client secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("redirect_url", &self.redirect_url)
            .field("button_label", &self.button_label)
            .field("scopes", &self.scopes)
            .field("username_claim", &self.username_claim)
            .field("mapping", &self.mapping)
            .field("local_passwords", &self.local_passwords)
            .field("link_existing_users", &self.link_existing_users)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_settings_debug_without_the_secret() {
        let settings = super::OidcSettings {
            issuer: "https://login.example".into(),
            client_id: "frist".into(),
            client_secret: "meget-hemmelig".into(),
            redirect_url: "https://frist.example/login/oidc/callback".into(),
            button_label: "Log ind".into(),
            scopes: vec![],
            username_claim: "preferred_username".into(),
            mapping: super::ClaimMapping::default(),
            local_passwords: true,
            link_existing_users: false,
            access_help: None,
        };
        let shown = format!("{settings:?}");
        assert!(!shown.contains("meget-hemmelig"), "{shown}");
        assert!(shown.contains("login.example"), "{shown}");
    }
}
