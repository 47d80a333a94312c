//! The provider as the OpenID Connect library sees it: discovery (cached for an hour, and
//! fetched again when a token's signature does not verify, as after the provider rotated its
//! keys), the authorization request with PKCE S256, state and nonce, and the code exchange
//! with the ID token's verification (signature, issuer, audience, expiry, nonce).
//!
//! Errors name what failed and never carry a response body, a token or a claim's value.

use super::OidcSettings;
use super::flow::{FlowKey, Pending};
use super::http::HttpClient;
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreProviderMetadata,
    CoreResponseType, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, Client,
    ClientId, ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdTokenFields, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, StandardErrorResponse,
    StandardTokenResponse, TokenResponse, UserInfoClaims, UserInfoError,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a discovered configuration (endpoints, signing keys) is used before it is fetched
/// again.
const REDISCOVER_AFTER: Duration = Duration::from_secs(60 * 60);

/// Every claim beyond the standard ones (`groups`, `roles`, `upn`, …), as the provider sent it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct OtherClaims {
    #[serde(flatten)]
    rest: Map<String, Value>,
}

impl AdditionalClaims for OtherClaims {}

type IdFields = IdTokenFields<
    OtherClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

type Tokens = StandardTokenResponse<IdFields, CoreTokenType>;

/// A client made from the discovery document: authorization endpoint set, token and userinfo
/// endpoints as the provider listed them.
type ProviderClient = Client<
    OtherClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    Tokens,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Why a sign-in could not be completed with the provider.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ProviderError {
    #[error("the identity provider's configuration could not be fetched: {0}")]
    Discovery(String),
    #[error("the sign-in could not be prepared: {0}")]
    Prepare(&'static str),
    #[error("the code could not be exchanged for tokens: {0}")]
    Exchange(String),
    #[error("the ID token was not accepted: {0}")]
    IdToken(String),
    #[error("the userinfo endpoint did not answer usably: {0}")]
    UserInfo(String),
}

/// Why the settings cannot be used (a bad URL).
#[derive(Debug, thiserror::Error)]
#[error("[oidc] {0}")]
pub struct OidcSetupError(String);

/// A person the provider vouched for: who (issuer and subject) and every claim, from the
/// verified ID token and, for what it left out, the userinfo endpoint.
#[derive(Clone)]
pub(crate) struct Verified {
    pub issuer: String,
    pub subject: String,
    pub claims: Map<String, Value>,
}

impl std::fmt::Debug for Verified {
    /// Without the claims: they are personal data.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verified")
            .field("issuer", &self.issuer)
            .finish_non_exhaustive()
    }
}

/// The configured provider and what Frist learnt of it.
#[derive(Debug)]
pub(crate) struct Oidc {
    pub settings: OidcSettings,
    pub key: FlowKey,
    issuer: IssuerUrl,
    redirect: RedirectUrl,
    http: HttpClient,
    discovered: Mutex<Option<(Instant, Arc<ProviderClient>)>>,
}

impl Oidc {
    /// Checks the URLs and makes the HTTP client; nothing is fetched until someone signs in,
    /// so a provider that is down does not stop Frist from starting.
    pub(crate) fn new(settings: OidcSettings) -> Result<Self, OidcSetupError> {
        let issuer = IssuerUrl::new(settings.issuer.clone())
            .map_err(|e| OidcSetupError(format!("issuer \"{}\": {e}", settings.issuer)))?;
        let redirect = RedirectUrl::new(settings.redirect_url.clone()).map_err(|e| {
            OidcSetupError(format!("redirect_url \"{}\": {e}", settings.redirect_url))
        })?;
        let http = HttpClient::new()
            .map_err(|e| OidcSetupError(format!("the HTTP client could not be made: {e}")))?;
        Ok(Self {
            key: FlowKey::from_secret(&settings.client_secret),
            settings,
            issuer,
            redirect,
            http,
            discovered: Mutex::new(None),
        })
    }

    /// The client for the provider's current configuration; `fresh` fetches it again.
    async fn client(&self, fresh: bool) -> Result<Arc<ProviderClient>, ProviderError> {
        if !fresh {
            let cached = self.discovered.lock().ok().and_then(|d| d.clone());
            if let Some((at, client)) = cached
                && at.elapsed() < REDISCOVER_AFTER
            {
                return Ok(client);
            }
        }
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| ProviderError::Discovery(chain(&e)))?;
        let client = Arc::new(
            ProviderClient::from_provider_metadata(
                metadata,
                ClientId::new(self.settings.client_id.clone()),
                Some(ClientSecret::new(self.settings.client_secret.clone())),
            )
            .set_redirect_uri(self.redirect.clone()),
        );
        if let Ok(mut d) = self.discovered.lock() {
            *d = Some((Instant::now(), Arc::clone(&client)));
        }
        Ok(client)
    }

    /// Where to send the browser, and the sign-in to keep in its cookie (sealed).
    pub(crate) async fn begin(
        &self,
        next: String,
        now: jiff::Timestamp,
    ) -> Result<(String, String), ProviderError> {
        let client = self.client(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in &self.settings.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pending = Pending::new(
            state.secret().clone(),
            nonce.secret().clone(),
            verifier.secret().clone(),
            next,
            now,
        );
        let sealed = self.key.seal(&pending).ok_or(ProviderError::Prepare(
            "the sign-in cookie could not be sealed",
        ))?;
        Ok((url.to_string(), sealed))
    }

    /// Exchanges `code` (with the PKCE verifier) and verifies the ID token against the nonce.
    pub(crate) async fn finish(
        &self,
        code: String,
        pending: &Pending,
    ) -> Result<Verified, ProviderError> {
        let client = self.client(false).await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| ProviderError::Exchange(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| ProviderError::Exchange(exchange_failure(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| ProviderError::IdToken("the token response has none".into()))?;
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            // Signed with a key Frist has not seen: the provider may have rotated its keys
            // since discovery. Once more with its current configuration.
            Err(ClaimsVerificationError::SignatureVerification(_)) => {
                let fresh = self.client(true).await?;
                id_token
                    .claims(&fresh.id_token_verifier(), &nonce)
                    .map_err(|e| ProviderError::IdToken(e.to_string()))?
                    .clone()
            }
            Err(e) => return Err(ProviderError::IdToken(e.to_string())),
        };
        let mut all = as_map(&claims);
        let verified_subject = claims.subject().clone();
        let lacking = !self.settings.mapping.finds_groups_in(&all)
            || super::claims::claim(&all, &self.settings.username_claim).is_none();
        // Some providers put only the subject in the ID token and the rest behind userinfo.
        if lacking && client.user_info_url().is_some() {
            let info: UserInfoClaims<OtherClaims, CoreGenderClaim> = client
                .user_info(tokens.access_token().clone(), Some(verified_subject))
                .map_err(|e| ProviderError::UserInfo(e.to_string()))?
                .request_async(&self.http)
                .await
                .map_err(|e| ProviderError::UserInfo(user_info_failure(&e)))?;
            for (name, value) in as_map(&info) {
                all.entry(name).or_insert(value);
            }
        }
        Ok(Verified {
            issuer: claims.issuer().to_string(),
            subject: claims.subject().to_string(),
            claims: all,
        })
    }
}

/// Claims as one JSON object, the standard ones and the others alike.
fn as_map(claims: &impl Serialize) -> Map<String, Value> {
    match serde_json::to_value(claims) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// An error and its causes on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// What went wrong at the token endpoint: the provider's error code, or the transport's
/// failure; never the response, which may hold tokens.
fn exchange_failure<RE: std::error::Error + 'static>(
    e: &RequestTokenError<RE, StandardErrorResponse<CoreErrorResponseType>>,
) -> String {
    match e {
        RequestTokenError::ServerResponse(r) => {
            format!("the provider answered {}", r.error().as_ref())
        }
        RequestTokenError::Request(e) => chain(e),
        RequestTokenError::Parse(..) => "the token response could not be read".into(),
        RequestTokenError::Other(why) => why.clone(),
    }
}

/// Like [`exchange_failure`], for userinfo: its parse errors may quote a claim's value.
fn user_info_failure<RE: std::error::Error + 'static>(e: &UserInfoError<RE>) -> String {
    match e {
        UserInfoError::ClaimsVerification(e) => e.to_string(),
        UserInfoError::Parse(_) => "the userinfo response could not be read".into(),
        UserInfoError::Request(e) => chain(e),
        UserInfoError::Response(status, ..) => format!("the provider answered {status}"),
        _ => "the userinfo request failed".into(),
    }
}
