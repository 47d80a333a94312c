//! The outbox directories' renderer for paper and Digital Post: the PDF letter, and for Digital
//! Post the MeMo message around it. Plugged into `OutboxDirectory` by the configuration.
//!
//! The recipient is the inquiry's sender: the CPR or CVR number from the inquiry (never from the
//! outbox row, which holds only a reference to it), the name as given. Errors name what is
//! missing, never a CPR number or the text.

use super::{Letter, Recipient, new_message_uuid, render_letter, render_memo};
use crate::outbox::{OutboundItem, Render, RenderedFile};
use frist_policy::{COPENHAGEN, Channel};
use jiff::Timestamp;

/// Renders letters (channel `letter`: `pdf`) or Digital Post (channel `digital_post`:
/// `memo.xml`, the MeMo message with the PDF inside).
#[derive(Debug, Clone, Copy)]
pub struct PostRender {
    pub channel: Channel,
}

impl Render for PostRender {
    fn render(&self, outbound: &OutboundItem) -> Result<Vec<RenderedFile>, String> {
        let inquiry = &outbound.inquiry.inquiry;
        let sender = &inquiry.received.sender;
        let recipient = Recipient {
            name: sender.name.clone().unwrap_or_default(),
            address: Vec::new(),
            cpr: sender.cpr.clone(),
            cvr: sender.cvr.clone(),
        };
        let now = Timestamp::now();
        let subject = inquiry.received.subject.trim();
        let letter = Letter {
            message: &outbound.item.message,
            reference: &inquiry.reference,
            recipient: &recipient,
            policy: &outbound.policy,
            date: now.to_zoned(COPENHAGEN.clone()).date(),
            about: (!subject.is_empty()).then_some(subject),
            status_link: outbound.status_link.as_deref(),
        };
        if self.channel == Channel::DigitalPost {
            let memo = render_memo(&letter, now, new_message_uuid())
                .map_err(|e| format!("the Digital Post message could not be made: {e}"))?;
            Ok(vec![RenderedFile {
                suffix: "memo.xml".into(),
                bytes: memo.xml,
            }])
        } else {
            let pdf =
                render_letter(&letter).map_err(|e| format!("the letter could not be made: {e}"))?;
            Ok(vec![RenderedFile {
                suffix: "pdf".into(),
                bytes: pdf,
            }])
        }
    }
}
