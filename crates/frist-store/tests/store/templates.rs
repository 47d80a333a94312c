//! Message templates an administrator edited: saved with who and when, replaced in place,
//! kept apart by kind, case type and language, and deleted to restore the standard text.

use crate::helpers::*;
use frist_i18n::Lang;
use frist_policy::{Template, TemplateKind};
use frist_store::Store;

conformance!(
    an_edited_template_is_kept_with_who_and_when_and_replaced_in_place,
    deleting_an_edit_removes_only_that_one,
);

fn template(kind: TemplateKind, case_type: Option<&str>, lang: Lang, body: &str) -> Template {
    Template {
        kind,
        case_type: case_type.map(str::to_owned),
        lang,
        body: body.into(),
    }
}

async fn an_edited_template_is_kept_with_who_and_when_and_replaced_in_place(db: &TestDb) {
    let s = &db.store;
    assert!(s.templates().await.unwrap().is_empty());
    let all = template(TemplateKind::Answer, None, Lang::Da, "Tak ({reference}).");
    let byg = template(
        TemplateKind::Answer,
        Some("byggetilladelse"),
        Lang::Da,
        "Om din byggesag {reference}:\n\næøå",
    );
    let de = template(TemplateKind::Answer, None, Lang::De, "Danke ({reference}).");
    s.put_template(byg.clone(), "admin", at("2026-03-02T10:00:00+01:00"))
        .await
        .unwrap();
    s.put_template(all.clone(), "anne", at("2026-03-02T11:00:00+01:00"))
        .await
        .unwrap();
    s.put_template(de.clone(), "anne", at("2026-03-02T11:00:00+01:00"))
        .await
        .unwrap();
    let stored = s.templates().await.unwrap();
    let bodies: Vec<&Template> = stored.iter().map(|t| &t.template).collect();
    // "All case types" ('') sorts before a case type; languages by code.
    assert_eq!(bodies, [&all, &de, &byg]);
    assert_eq!(stored[2].changed_by, "admin");
    assert_eq!(stored[2].changed_at, at("2026-03-02T10:00:00+01:00"));

    let changed = template(TemplateKind::Answer, None, Lang::Da, "Nyt svar.");
    s.put_template(changed.clone(), "bo", at("2026-03-03T09:00:00+01:00"))
        .await
        .unwrap();
    let stored = s.templates().await.unwrap();
    assert_eq!(stored.len(), 3);
    assert_eq!(stored[0].template, changed);
    assert_eq!(stored[0].changed_by, "bo");
    assert_eq!(stored[0].changed_at, at("2026-03-03T09:00:00+01:00"));
}

async fn deleting_an_edit_removes_only_that_one(db: &TestDb) {
    let s = &db.store;
    let when = at("2026-03-02T10:00:00+01:00");
    let kinds = [TemplateKind::Decision, TemplateKind::ExtensionNotice];
    for kind in kinds {
        for case in [None, Some("byggetilladelse")] {
            s.put_template(template(kind, case, Lang::Da, "x"), "admin", when)
                .await
                .unwrap();
        }
    }
    assert!(
        s.delete_template(TemplateKind::Decision, None, Lang::Da)
            .await
            .unwrap()
    );
    // Already gone, or never there: nothing to delete, and no error.
    assert!(
        !s.delete_template(TemplateKind::Decision, None, Lang::Da)
            .await
            .unwrap()
    );
    assert!(
        !s.delete_template(TemplateKind::Decision, Some("byggetilladelse"), Lang::En)
            .await
            .unwrap()
    );
    let left: Vec<(TemplateKind, Option<String>)> = s
        .templates()
        .await
        .unwrap()
        .into_iter()
        .map(|t| (t.template.kind, t.template.case_type))
        .collect();
    assert_eq!(
        left,
        [
            (TemplateKind::Decision, Some("byggetilladelse".into())),
            (TemplateKind::ExtensionNotice, None),
            (
                TemplateKind::ExtensionNotice,
                Some("byggetilladelse".into())
            ),
        ]
    );
}
