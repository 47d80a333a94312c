//! Staff accounts and their sessions: usernames are unique, sessions are found by hash until
//! they end, and signing out ends them.

use crate::helpers::*;
use frist_store::{ExternalSignIn, Role, Store, StoreError, User};

conformance!(
    a_user_is_stored_once_and_found_by_username,
    a_session_leads_to_its_user_until_it_expires,
    a_signed_out_or_unknown_session_leads_nowhere,
    accounts_are_listed_by_username_and_ended_sessions_are_cleaned_up,
    a_policy_text_is_kept_exactly_as_registered,
    a_provider_account_is_made_once_and_found_again_by_its_subject,
    a_provider_account_takes_an_existing_username_only_when_linking_is_allowed,
);

fn user(name: &str, role: Role) -> User {
    User {
        username: name.into(),
        role,
        password_hash: format!("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$hash-of-{name}"),
        created_at: at("2026-03-02T09:00:00+01:00"),
    }
}

async fn a_user_is_stored_once_and_found_by_username(db: &TestDb) {
    let s = &db.store;
    s.create_user(&user("mette", Role::Caseworker))
        .await
        .unwrap();
    s.create_user(&user("lars", Role::Lead)).await.unwrap();
    assert_eq!(
        s.user("mette").await.unwrap(),
        user("mette", Role::Caseworker)
    );
    assert_eq!(s.user("lars").await.unwrap().role, Role::Lead);
    let again = s.create_user(&user("mette", Role::Admin)).await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    assert_eq!(s.user("mette").await.unwrap().role, Role::Caseworker);
    assert!(matches!(s.user("nobody").await, Err(StoreError::NotFound)));
}

async fn a_session_leads_to_its_user_until_it_expires(db: &TestDb) {
    let s = &db.store;
    s.create_user(&user("mette", Role::Caseworker))
        .await
        .unwrap();
    let expires = at("2026-03-02T19:00:00+01:00");
    s.create_session(&"a".repeat(64), "mette", expires)
        .await
        .unwrap();
    let found = s
        .session_user(&"a".repeat(64), at("2026-03-02T18:59:59+01:00"))
        .await
        .unwrap();
    assert_eq!(found.username, "mette");
    let ended = s.session_user(&"a".repeat(64), expires).await;
    assert!(matches!(ended, Err(StoreError::NotFound)), "{ended:?}");
    let twice = s.create_session(&"a".repeat(64), "mette", expires).await;
    assert!(matches!(twice, Err(StoreError::Conflict(_))), "{twice:?}");
    let stranger = s.create_session(&"b".repeat(64), "nobody", expires).await;
    assert!(
        matches!(stranger, Err(StoreError::NotFound)),
        "{stranger:?}"
    );
}

async fn a_signed_out_or_unknown_session_leads_nowhere(db: &TestDb) {
    let s = &db.store;
    s.create_user(&user("mette", Role::Caseworker))
        .await
        .unwrap();
    let now = at("2026-03-02T09:00:00+01:00");
    let expires = at("2026-03-02T19:00:00+01:00");
    s.create_session(&"a".repeat(64), "mette", expires)
        .await
        .unwrap();
    s.create_session(&"b".repeat(64), "mette", expires)
        .await
        .unwrap();
    s.delete_session(&"a".repeat(64)).await.unwrap();
    s.delete_session(&"c".repeat(64)).await.unwrap();
    assert!(matches!(
        s.session_user(&"a".repeat(64), now).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.session_user(&"c".repeat(64), now).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        s.session_user(&"b".repeat(64), now).await.unwrap().username,
        "mette"
    );
}

async fn accounts_are_listed_by_username_and_ended_sessions_are_cleaned_up(db: &TestDb) {
    let s = &db.store;
    for (name, role) in [
        ("ole", Role::Admin),
        ("mette", Role::Caseworker),
        ("lars", Role::Lead),
    ] {
        s.create_user(&user(name, role)).await.unwrap();
    }
    let names: Vec<_> = s
        .users()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["lars", "mette", "ole"]);

    let early = at("2026-03-02T12:00:00+01:00");
    let late = at("2026-03-02T19:00:00+01:00");
    s.create_session(&"a".repeat(64), "mette", early)
        .await
        .unwrap();
    s.create_session(&"b".repeat(64), "lars", late)
        .await
        .unwrap();
    assert_eq!(
        s.delete_expired_sessions(at("2026-03-02T11:59:59+01:00"))
            .await
            .unwrap(),
        0
    );
    assert_eq!(s.delete_expired_sessions(early).await.unwrap(), 1);
    let kept = s.session_user(&"b".repeat(64), early).await.unwrap();
    assert_eq!(kept.username, "lars");
    assert_eq!(s.delete_expired_sessions(late).await.unwrap(), 1);
}

async fn a_policy_text_is_kept_exactly_as_registered(db: &TestDb) {
    let s = &db.store;
    let version = register(s, "roskilde", ROSKILDE).await;
    assert_eq!(s.policy_text(version.id).await.unwrap(), ROSKILDE);
    assert!(matches!(
        s.policy_text(version.id + 100).await,
        Err(StoreError::NotFound)
    ));
}

fn signed_in(subject: &str, username: &str, role: Role) -> ExternalSignIn {
    ExternalSignIn {
        issuer: "https://login.example/tenant".into(),
        subject: subject.into(),
        username: username.into(),
        role,
        link_existing: false,
        at: at("2026-03-02T09:00:00+01:00"),
    }
}

async fn a_provider_account_is_made_once_and_found_again_by_its_subject(db: &TestDb) {
    let s = &db.store;
    let first = s
        .sign_in_external(&signed_in("sub-1", "mette@htk.dk", Role::Caseworker))
        .await
        .unwrap();
    assert_eq!(first.username, "mette@htk.dk");
    assert_eq!(first.role, Role::Caseworker);
    // The provider renamed her and made her a lead: same account, new role, old username.
    let again = s
        .sign_in_external(&signed_in("sub-1", "mette.hansen@htk.dk", Role::Lead))
        .await
        .unwrap();
    assert_eq!(again.username, "mette@htk.dk");
    assert_eq!(again.role, Role::Lead);
    assert_eq!(s.user("mette@htk.dk").await.unwrap().role, Role::Lead);
    assert_eq!(s.users().await.unwrap().len(), 1);
    // The same subject at another provider is another person.
    let elsewhere = ExternalSignIn {
        issuer: "https://other.example".into(),
        ..signed_in("sub-1", "mette@htk.dk", Role::Caseworker)
    };
    let taken = s.sign_in_external(&elsewhere).await;
    assert!(matches!(taken, Err(StoreError::Conflict(_))), "{taken:?}");
    // A provider account has no password to sign in with.
    assert_eq!(s.user("mette@htk.dk").await.unwrap().password_hash, "");
}

async fn a_provider_account_takes_an_existing_username_only_when_linking_is_allowed(db: &TestDb) {
    let s = &db.store;
    s.create_user(&user("lars", Role::Caseworker))
        .await
        .unwrap();
    let refused = s
        .sign_in_external(&signed_in("sub-2", "lars", Role::Admin))
        .await;
    assert!(
        matches!(refused, Err(StoreError::Conflict(_))),
        "{refused:?}"
    );
    assert_eq!(s.user("lars").await.unwrap().role, Role::Caseworker);
    let linked = s
        .sign_in_external(&ExternalSignIn {
            link_existing: true,
            ..signed_in("sub-2", "lars", Role::Admin)
        })
        .await
        .unwrap();
    assert_eq!(
        (linked.username.as_str(), linked.role),
        ("lars", Role::Admin)
    );
    // Linked once, the account is not linked to a second person.
    let second = s
        .sign_in_external(&ExternalSignIn {
            link_existing: true,
            ..signed_in("sub-3", "lars", Role::Admin)
        })
        .await;
    assert!(matches!(second, Err(StoreError::Conflict(_))), "{second:?}");
    // The password it had still signs in where passwords are allowed.
    assert!(
        s.user("lars")
            .await
            .unwrap()
            .password_hash
            .starts_with("$argon2id$")
    );
}
