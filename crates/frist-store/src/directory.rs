//! Units, caseworkers, API tokens, staff accounts and the access log as rows, shared by both backends.

use crate::time::from_db;
use crate::types::{
    Absence, AccessEntry, ApiToken, Caseworker, Role, StoreError, StoreResult, Unit, User,
};

pub(crate) fn role_name(role: Role) -> &'static str {
    match role {
        Role::Caseworker => "caseworker",
        Role::Lead => "lead",
        Role::Admin => "admin",
    }
}

fn parse_role(s: &str) -> StoreResult<Role> {
    [Role::Caseworker, Role::Lead, Role::Admin]
        .into_iter()
        .find(|r| role_name(*r) == s)
        .ok_or_else(|| StoreError::Other(format!("stored role \"{s}\" is not a role")))
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct UnitRecord {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl From<UnitRecord> for Unit {
    fn from(r: UnitRecord) -> Self {
        Unit {
            id: r.id,
            name: r.name,
            email: r.email,
            phone: r.phone,
        }
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct CaseworkerRecord {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub absent_until: Option<String>,
    pub absent_substitute: Option<String>,
}

impl CaseworkerRecord {
    pub(crate) fn into_caseworker(self) -> StoreResult<Caseworker> {
        let absent = match self.absent_until {
            Some(until) => Some(Absence {
                until: until.parse().map_err(|_| {
                    StoreError::Other(format!(
                        "caseworker {}: stored absence date is not a date",
                        self.id
                    ))
                })?,
                substitute: self.absent_substitute,
            }),
            None => None,
        };
        Ok(Caseworker {
            id: self.id,
            name: self.name,
            unit: self.unit,
            email: self.email,
            phone: self.phone,
            absent,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct TokenRecord {
    pub id: i64,
    pub name: String,
    pub role: String,
}

impl TokenRecord {
    pub(crate) fn into_token(self) -> StoreResult<ApiToken> {
        Ok(ApiToken {
            id: self.id,
            name: self.name,
            role: parse_role(&self.role)?,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct AccessRecord {
    pub viewer: String,
    pub inquiry_id: i64,
    pub what: String,
    pub at: i64,
}

impl AccessRecord {
    pub(crate) fn into_entry(self) -> StoreResult<AccessEntry> {
        Ok(AccessEntry {
            viewer: self.viewer,
            inquiry_id: self.inquiry_id,
            what: self.what,
            at: from_db(self.at)?,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct UserRecord {
    pub username: String,
    pub role: String,
    pub password_hash: String,
    pub created_at: i64,
}

impl UserRecord {
    pub(crate) fn into_user(self) -> StoreResult<User> {
        Ok(User {
            role: parse_role(&self.role)?,
            created_at: from_db(self.created_at)?,
            username: self.username,
            password_hash: self.password_hash,
        })
    }
}
