//! Replies on Messenger through the outbox: the Send API with the reply window the inquiry is
//! in (a normal reply within 24 hours, `HUMAN_AGENT` within 7 days, none after).
//!
//! A reply split into parts that failed part-way is not retried: the parts already sent would
//! go twice. It fails with the count, for a person to finish by another channel.

use super::{FacebookConfig, ReplyWindow, SendError, send_text, window_for};
use crate::outbox::{BoxFuture, Delivery, OutboundItem, Outcome, text};
use frist_policy::Channel;
use jiff::Timestamp;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct FacebookDelivery {
    config: Arc<FacebookConfig>,
    http: reqwest::Client,
}

impl FacebookDelivery {
    pub fn new(config: Arc<FacebookConfig>) -> Self {
        FacebookDelivery {
            config,
            http: reqwest::Client::new(),
        }
    }
}

impl Delivery for FacebookDelivery {
    fn channel(&self) -> Channel {
        Channel::Facebook
    }

    fn deliver<'a>(&'a self, outbound: &'a OutboundItem) -> BoxFuture<'a, Outcome> {
        Box::pin(async move {
            let Some(psid) = outbound.item.recipient.strip_prefix("psid:") else {
                return Outcome::Permanent("the recipient is not a Messenger user".into());
            };
            let window = match window_for(&outbound.inquiry.inquiry, Timestamp::now()) {
                Some(ReplyWindow::Closed { .. }) | None => {
                    return Outcome::Permanent(
                        "Messenger's reply window has closed; answer by another channel".into(),
                    );
                }
                Some(window) => window,
            };
            let body = text::body(outbound);
            match send_text(
                &self.http,
                &self.config.api_base_url,
                &self.config.page_access_token,
                psid,
                &body,
                window,
            )
            .await
            {
                Ok(_) => Outcome::Accepted,
                Err(SendError::Transient {
                    detail, sent: 0, ..
                }) => Outcome::Transient(detail),
                Err(e) => Outcome::Permanent(e.to_string()),
            }
        })
    }
}
