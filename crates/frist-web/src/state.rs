//! What every handler is given: the store, the policy version new inquiries are received
//! under, and the clock. Passed explicitly; nothing global.

use frist_channels::facebook::FacebookConfig;
use frist_channels::outbox::PublicUrl;
use frist_policy::Channel;
use frist_store::{PolicyVersion, Store};
use jiff::Timestamp;
use std::fmt;
use std::sync::Arc;

/// The largest request body accepted by default: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// The body limit in force, as a request extension (for the 413 problem's detail).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLimit(pub usize);

/// "Now". Injectable so that tests decide what time it is.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// How the staff pages hand messages to the outbox (see `frist_channels::outbox`).
#[derive(Debug, Clone)]
pub struct OutboxWiring {
    /// The channels with a configured delivery. A message on another outbox channel is kept
    /// queued, and the page says that nothing sends it yet.
    pub delivering: Vec<Channel>,
    /// The domain of our Message-IDs (`<REF.RANDOM@domain>`).
    pub domain: String,
    /// Notified after every enqueue, so that the dispatcher delivers at once.
    pub wake: Arc<tokio::sync::Notify>,
}

impl Default for OutboxWiring {
    fn default() -> Self {
        Self {
            delivering: Vec::new(),
            domain: "frist.invalid".into(),
            wake: Arc::new(tokio::sync::Notify::new()),
        }
    }
}

/// The state shared by all handlers.
pub struct AppState<S> {
    pub store: Arc<S>,
    /// The policy version in force: new inquiries are received under it. Existing inquiries
    /// keep the version they were received under.
    pub policy: PolicyVersion,
    pub clock: Clock,
    /// Failed sign-ins per username (see `staff::throttle`).
    pub(crate) sign_in: Arc<crate::staff::SignInThrottle>,
    /// New status links per reference sent from "Har du mistet dit link?".
    pub(crate) lost_links: Arc<crate::staff::Throttle>,
    /// Facebook Messenger, when configured; without it `/webhooks/facebook` answers 404.
    pub facebook: Option<Arc<FacebookConfig>>,
    pub outbox: OutboxWiring,
    /// Where citizens reach Frist: the start of the status links shown on the receipt.
    pub public_url: PublicUrl,
    /// The public results page's figures, kept for a few minutes (`pages::results`).
    pub(crate) results: Arc<crate::pages::results::ResultsCache>,
    /// Staff sign-in through the identity provider, when configured (`staff::oidc`).
    pub(crate) oidc: Option<Arc<crate::staff::oidc::Oidc>>,
}

impl<S> AppState<S> {
    /// State with the system clock.
    pub fn new(store: Arc<S>, policy: PolicyVersion) -> Self {
        Self {
            store,
            policy,
            clock: Arc::new(Timestamp::now),
            sign_in: Arc::default(),
            lost_links: Arc::new(crate::staff::Throttle::lost_links()),
            facebook: None,
            outbox: OutboxWiring::default(),
            public_url: PublicUrl::default(),
            results: Arc::default(),
            oidc: None,
        }
    }

    /// Lets staff sign in through the identity provider `settings` describe (and, unless they
    /// allow it, no longer with a password). Fails on a URL that is not one.
    pub fn with_oidc(
        mut self,
        settings: crate::OidcSettings,
    ) -> Result<Self, crate::OidcSetupError> {
        self.oidc = Some(Arc::new(crate::staff::oidc::Oidc::new(settings)?));
        Ok(self)
    }

    /// Whether staff may sign in with a Frist password: always, unless the identity provider's
    /// settings turned it off.
    pub(crate) fn local_passwords(&self) -> bool {
        self.oidc
            .as_ref()
            .is_none_or(|o| o.settings.local_passwords)
    }

    /// Sets where citizens reach Frist (the start of absolute status links).
    pub fn with_public_url(mut self, public_url: PublicUrl) -> Self {
        self.public_url = public_url;
        self
    }

    /// Turns on the Facebook Messenger webhook with `config`.
    pub fn with_facebook(mut self, config: FacebookConfig) -> Self {
        self.facebook = Some(Arc::new(config));
        self
    }

    /// Replaces the clock (tests).
    pub fn with_clock(mut self, clock: impl Fn() -> Timestamp + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    pub(crate) fn now(&self) -> Timestamp {
        (self.clock)()
    }
}

impl<S: Store> AppState<S> {
    /// Opens the policy version `id` from the store (the one an inquiry was received under).
    pub(crate) async fn policy_of(
        &self,
        id: frist_store::PolicyId,
    ) -> Result<PolicyVersion, frist_store::StoreError> {
        if id == self.policy.id {
            return Ok(self.policy.clone());
        }
        self.store.policy(id).await
    }
}

// Not derived: a derive would demand `S: Clone`, but only the `Arc` is cloned.
impl<S> Clone for AppState<S> {
    fn clone(&self) -> Self {
        Self {
            store: Arc::clone(&self.store),
            policy: self.policy.clone(),
            clock: Arc::clone(&self.clock),
            sign_in: Arc::clone(&self.sign_in),
            lost_links: Arc::clone(&self.lost_links),
            facebook: self.facebook.clone(),
            outbox: self.outbox.clone(),
            public_url: self.public_url.clone(),
            results: Arc::clone(&self.results),
            oidc: self.oidc.clone(),
        }
    }
}

impl<S> fmt::Debug for AppState<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppState")
            .field("policy_id", &self.policy.id)
            .field("facebook", &self.facebook)
            .field("oidc", &self.oidc.as_ref().map(|o| &o.settings))
            .finish_non_exhaustive()
    }
}
