//! What Frist needs to talk to one Facebook page: the app secret (to check webhook
//! signatures), the verify token (to answer Meta's subscription check), the page access token
//! (to send) and the Graph API's base URL (configurable, so tests send to a local endpoint).

use std::fmt;

/// The Graph API version Frist was written against.
pub const DEFAULT_API_BASE_URL: &str = "https://graph.facebook.com/v21.0";

/// One page's Messenger settings. Secrets are redacted in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct FacebookConfig {
    /// The app secret: the HMAC-SHA256 key of `X-Hub-Signature-256`.
    pub app_secret: String,
    /// The token Meta echoes in the subscription check (`hub.verify_token`).
    pub verify_token: String,
    /// The page access token the Send API is called with.
    pub page_access_token: String,
    /// E.g. [`DEFAULT_API_BASE_URL`], without a trailing slash.
    pub api_base_url: String,
}

impl fmt::Debug for FacebookConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FacebookConfig")
            .field("app_secret", &"***")
            .field("verify_token", &"***")
            .field("page_access_token", &"***")
            .field("api_base_url", &self.api_base_url)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_shows_no_secret() {
        let config = FacebookConfig {
            app_secret: "hemmelig-app".into(),
            verify_token: "hemmelig-verify".into(),
            page_access_token: "hemmelig-token".into(),
            api_base_url: DEFAULT_API_BASE_URL.into(),
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("hemmelig"), "{shown}");
        assert!(shown.contains("graph.facebook.com"));
    }
}
