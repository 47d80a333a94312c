//! Message templates an administrator has edited (`/admin/skabeloner`), as rows: the text with
//! who saved it and when. Which text a message starts from is decided elsewhere
//! (`frist_policy::resolve`); the store only keeps the edits.

use crate::time::from_db;
use crate::types::{StoreError, StoreResult};
use frist_i18n::Lang;
use frist_policy::{Template, TemplateKind};
use jiff::Timestamp;

/// An edited template, with who saved it last and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTemplate {
    pub template: Template,
    pub changed_by: String,
    pub changed_at: Timestamp,
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct TemplateRecord {
    pub kind: String,
    pub case_type: String,
    pub lang: String,
    pub body: String,
    pub changed_by: String,
    pub changed_at: i64,
}

impl TemplateRecord {
    pub(crate) fn into_stored(self) -> StoreResult<StoredTemplate> {
        let kind = TemplateKind::parse(&self.kind).ok_or_else(|| {
            StoreError::Other(format!("stored template kind \"{}\" is unknown", self.kind))
        })?;
        let lang = Lang::ALL
            .into_iter()
            .find(|l| l.code() == self.lang)
            .ok_or_else(|| {
                StoreError::Other(format!(
                    "stored template language \"{}\" is unknown",
                    self.lang
                ))
            })?;
        Ok(StoredTemplate {
            template: Template {
                kind,
                case_type: (!self.case_type.is_empty()).then_some(self.case_type),
                lang,
                body: self.body,
            },
            changed_by: self.changed_by,
            changed_at: from_db(self.changed_at)?,
        })
    }
}

/// The key column for "all case types": '' rather than NULL, which a primary key cannot hold.
pub(crate) fn case_type_key(case_type: Option<&str>) -> &str {
    case_type.unwrap_or("")
}
