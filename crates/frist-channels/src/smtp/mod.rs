//! E-mail out over SMTP (lettre, on Tokio, TLS by rustls): a [`Delivery`] for the e-mail channel.
//!
//! The message is plain UTF-8 text with the reference in the subject, our Message-ID (the
//! outbox row's, so a retry is the same message), In-Reply-To and References naming the
//! citizen's own message when the inquiry came by e-mail, Date, From and To. The server's answer
//! decides the outcome: 2xx accepted, 5xx permanent, anything else (4xx, no connection, TLS,
//! timeout) transient.

mod compose;

pub use compose::{compose, compose_notice};

use crate::outbox::{BoxFuture, Delivery, OutboundItem, Outcome};
use frist_policy::Channel;
use frist_store::Notice;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::fmt;
use std::time::Duration;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain SMTP: only for a relay on the same machine or a test server.
    None,
    /// Plain connection upgraded with STARTTLS; refused if the server does not offer it.
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS, usually port 465).
    Tls,
}

/// Where and as whom to send.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    /// Default: 25 (none), 587 (starttls), 465 (tls).
    pub port: Option<u16>,
    pub security: Security,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: Mailbox,
    pub timeout: Duration,
    /// A certificate (PEM) to trust besides the system's, e.g. the municipality's internal CA.
    pub ca_certificate: Option<Vec<u8>>,
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "(redacted)"))
            .field("from", &self.from.to_string())
            .field("ca_certificate", &self.ca_certificate.is_some())
            .finish()
    }
}

/// Why SMTP settings cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("SMTP settings: {0}")]
pub struct SettingsError(String);

/// Sends e-mail through one SMTP server.
#[derive(Clone)]
pub struct SmtpDelivery {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    settings: SmtpSettings,
}

impl fmt::Debug for SmtpDelivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpDelivery")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl SmtpDelivery {
    pub fn new(settings: SmtpSettings) -> Result<Self, SettingsError> {
        let host = settings.host.trim();
        if host.is_empty() {
            return Err(SettingsError("host is empty".into()));
        }
        let builder = match (settings.security, &settings.ca_certificate) {
            (Security::None, _) => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(25)
            }
            (Security::Starttls, None) => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                    .map_err(|e| SettingsError(format!("STARTTLS to {host}: {e}")))?
            }
            (Security::Tls, None) => AsyncSmtpTransport::<Tokio1Executor>::relay(host)
                .map_err(|e| SettingsError(format!("TLS to {host}: {e}")))?,
            (security, Some(pem)) => {
                let ca = Certificate::from_pem(pem)
                    .map_err(|e| SettingsError(format!("the CA certificate: {e}")))?;
                let tls = TlsParameters::builder(host.to_owned())
                    .add_root_certificate(ca)
                    .build_rustls()
                    .map_err(|e| SettingsError(format!("TLS to {host}: {e}")))?;
                let builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host);
                if security == Security::Tls {
                    builder.port(465).tls(Tls::Wrapper(tls))
                } else {
                    builder.port(587).tls(Tls::Required(tls))
                }
            }
        };
        let mut builder = builder.timeout(Some(settings.timeout));
        if let Some(port) = settings.port {
            builder = builder.port(port);
        }
        match (&settings.username, &settings.password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (Some(_), None) => {
                return Err(SettingsError(
                    "a username is set but no password (password or password_file)".into(),
                ));
            }
            _ => {}
        }
        Ok(Self {
            transport: builder.build(),
            settings,
        })
    }

    async fn send(&self, outbound: &OutboundItem) -> Outcome {
        match compose(outbound, &self.settings.from, jiff::Timestamp::now()) {
            Ok(message) => self.transmit(message).await,
            Err(why) => Outcome::Permanent(why),
        }
    }

    async fn send_notice(&self, notice: &Notice) -> Outcome {
        match compose_notice(notice, &self.settings.from, jiff::Timestamp::now()) {
            Ok(message) => self.transmit(message).await,
            Err(why) => Outcome::Permanent(why),
        }
    }

    /// Hands the message to the server; its answer decides the outcome.
    async fn transmit(&self, message: lettre::Message) -> Outcome {
        match self.transport.send(message).await {
            Ok(response) if response.is_positive() => Outcome::Accepted,
            Ok(response) => {
                Outcome::Transient(format!("the SMTP server answered {}", response.code()))
            }
            Err(e) if e.is_permanent() => {
                Outcome::Permanent(format!("the SMTP server refused the message: {e}"))
            }
            Err(e) => Outcome::Transient(format!("SMTP: {e}")),
        }
    }
}

impl Delivery for SmtpDelivery {
    fn channel(&self) -> Channel {
        Channel::Email
    }

    fn deliver<'a>(&'a self, outbound: &'a OutboundItem) -> BoxFuture<'a, Outcome> {
        Box::pin(self.send(outbound))
    }

    fn deliver_notice<'a>(&'a self, notice: &'a Notice) -> Option<BoxFuture<'a, Outcome>> {
        Some(Box::pin(self.send_notice(notice)))
    }
}
