//! Edited message templates: save (insert or replace), delete, list.

use crate::sql::{Conn, query};
use crate::templates::{StoredTemplate, TemplateRecord, case_type_key};
use crate::time::to_db;
use crate::types::StoreResult;
use frist_i18n::Lang;
use frist_policy::{Template, TemplateKind};
use jiff::Timestamp;

pub(crate) async fn put(
    conn: Conn<'_>,
    template: &Template,
    by: &str,
    at: Timestamp,
) -> StoreResult<()> {
    query(
        "INSERT INTO message_templates (kind, case_type, lang, body, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (kind, case_type, lang) DO UPDATE \
         SET body = excluded.body, changed_by = excluded.changed_by, \
         changed_at = excluded.changed_at",
    )
    .bind(template.kind.as_str())
    .bind(case_type_key(template.case_type.as_deref()))
    .bind(template.lang.code())
    .bind(&template.body)
    .bind(by)
    .bind(to_db(at)?)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the edit, if there is one; whether there was.
pub(crate) async fn delete(
    conn: Conn<'_>,
    kind: TemplateKind,
    case_type: Option<&str>,
    lang: Lang,
) -> StoreResult<bool> {
    let deleted =
        query("DELETE FROM message_templates WHERE kind = $1 AND case_type = $2 AND lang = $3")
            .bind(kind.as_str())
            .bind(case_type_key(case_type))
            .bind(lang.code())
            .execute(conn)
            .await?;
    Ok(deleted > 0)
}

pub(crate) async fn all(conn: Conn<'_>) -> StoreResult<Vec<StoredTemplate>> {
    let rows: Vec<TemplateRecord> = query(
        "SELECT kind, case_type, lang, body, changed_by, changed_at FROM message_templates \
         ORDER BY kind, case_type, lang",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(TemplateRecord::into_stored).collect()
}
