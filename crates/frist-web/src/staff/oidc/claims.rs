//! From the provider's claims to Frist's account: the role and unit the groups give, and the
//! username a new account gets. Pure functions of the claims and the configured mapping, so
//! every rule is tested with plain values.
//!
//! A claim's values are personal data (names, e-mail addresses, group memberships): nothing
//! here logs them.

use frist_store::Role;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How the claims are read: which claim lists the person's groups (or roles), which of those
/// values give which role and unit, and optionally a claim that names the unit directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimMapping {
    /// The claim with the groups or roles, e.g. `groups` (Entra ID's group object ids),
    /// `roles` (app roles), or a dotted path into an object such as `realm_access.roles`.
    pub groups_claim: String,
    /// A group value → the role it gives. Someone in several gets the highest.
    pub roles: BTreeMap<String, Role>,
    /// A group value → the unit (its id in Frist) it puts the person in.
    pub units: BTreeMap<String, String>,
    /// A claim whose value is the unit (a value listed in `units` is translated by it first),
    /// e.g. `department`. It comes before the groups.
    pub unit_claim: Option<String>,
}

impl Default for ClaimMapping {
    fn default() -> Self {
        Self {
            groups_claim: "groups".into(),
            roles: BTreeMap::new(),
            units: BTreeMap::new(),
            unit_claim: None,
        }
    }
}

/// What the claims give: no role means no access to Frist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mapped {
    pub role: Option<Role>,
    /// `None` when nothing names a unit, or the groups name more than one: the account's unit
    /// is then left as it is rather than guessed.
    pub unit: Option<String>,
}

/// Higher is more: the role kept when the groups give several.
fn rank(role: Role) -> u8 {
    match role {
        Role::Caseworker => 1,
        Role::Lead => 2,
        Role::Admin => 3,
    }
}

impl ClaimMapping {
    pub(crate) fn map(&self, claims: &Map<String, Value>) -> Mapped {
        let groups = strings(claim(claims, &self.groups_claim));
        let role = groups
            .iter()
            .filter_map(|g| self.roles.get(g.as_str()).copied())
            .max_by_key(|r| rank(*r));
        let named = self
            .unit_claim
            .as_deref()
            .and_then(|name| strings(claim(claims, name)).into_iter().next())
            .map(|v| self.units.get(&v).cloned().unwrap_or(v));
        let unit = named.or_else(|| {
            let mut units: Vec<&String> = groups.iter().filter_map(|g| self.units.get(g)).collect();
            units.sort();
            units.dedup();
            match units.as_slice() {
                [one] => Some((*one).clone()),
                _ => None,
            }
        });
        Mapped { role, unit }
    }

    /// Whether the claims name anything the mapping reads (so a provider that leaves them out
    /// of the ID token is asked at its userinfo endpoint).
    pub(crate) fn finds_groups_in(&self, claims: &Map<String, Value>) -> bool {
        claim(claims, &self.groups_claim).is_some()
    }
}

/// The claim `name`: a top-level claim by that name, else a dotted path into objects
/// (`realm_access.roles`).
pub(crate) fn claim<'a>(claims: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    if let Some(value) = claims.get(name) {
        return Some(value);
    }
    let mut parts = name.split('.');
    let first = claims.get(parts.next()?)?;
    parts.try_fold(first, |value, part| value.as_object()?.get(part))
}

/// A claim's text values: one string, or the strings of an array (other values are skipped).
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.trim().to_owned()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| s.trim().to_owned())
            .collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// The username a new account gets: the claim's text, when it is one Frist accepts as a
/// username (the rule of `frist user create`).
pub(crate) fn username(claims: &Map<String, Value>, name: &str) -> Option<String> {
    claim(claims, name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|u| crate::staff::is_username(u))
        .map(str::to_owned)
}

/// A text claim (`name`, `email`), for the directory entry of a new account.
pub(crate) fn text(claims: &Map<String, Value>, name: &str) -> Option<String> {
    claim(claims, name)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.chars().count() <= 200)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    fn mapping() -> ClaimMapping {
        ClaimMapping {
            roles: [
                ("frist-sagsbehandler", Role::Caseworker),
                ("frist-leder", Role::Lead),
                ("frist-admin", Role::Admin),
            ]
            .into_iter()
            .map(|(g, r)| (g.to_owned(), r))
            .collect(),
            units: [
                ("borgerservice-gruppe", "borgerservice"),
                ("teknik-gruppe", "teknik"),
                ("Teknik og Miljø", "teknik"),
            ]
            .into_iter()
            .map(|(g, u)| (g.to_owned(), u.to_owned()))
            .collect(),
            ..ClaimMapping::default()
        }
    }

    fn claims(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn a_mapped_group_gives_its_role_and_unit() {
        let got = mapping().map(&claims(json!({
            "groups": ["alle-ansatte", "frist-sagsbehandler", "borgerservice-gruppe"]
        })));
        assert_eq!(got.role, Some(Role::Caseworker));
        assert_eq!(got.unit.as_deref(), Some("borgerservice"));
    }

    #[test]
    fn several_roles_give_the_highest() {
        let got = mapping().map(&claims(json!({
            "groups": ["frist-leder", "frist-sagsbehandler"]
        })));
        assert_eq!(got.role, Some(Role::Lead));
        let got = mapping().map(&claims(json!({
            "groups": ["frist-admin", "frist-leder", "frist-sagsbehandler"]
        })));
        assert_eq!(got.role, Some(Role::Admin));
    }

    #[test]
    fn no_mapped_group_or_no_groups_at_all_gives_no_role() {
        let m = mapping();
        assert_eq!(m.map(&claims(json!({"groups": ["kantine"]}))).role, None);
        assert_eq!(m.map(&claims(json!({"sub": "x"}))).role, None);
        assert_eq!(m.map(&claims(json!({"groups": 7}))).role, None);
        // Values are matched exactly: a group's name in another case is another group.
        assert_eq!(
            m.map(&claims(json!({"groups": ["FRIST-ADMIN"]}))).role,
            None
        );
    }

    #[test]
    fn a_single_group_value_may_be_a_string() {
        let got = mapping().map(&claims(json!({"groups": "frist-admin"})));
        assert_eq!(got.role, Some(Role::Admin));
    }

    #[test]
    fn groups_that_name_two_units_leave_the_unit_alone() {
        let got = mapping().map(&claims(json!({
            "groups": ["frist-sagsbehandler", "borgerservice-gruppe", "teknik-gruppe"]
        })));
        assert_eq!(got.role, Some(Role::Caseworker));
        assert_eq!(got.unit, None);
        // Two groups for the same unit are one unit.
        let got = mapping().map(&claims(json!({
            "groups": ["teknik-gruppe", "Teknik og Miljø"]
        })));
        assert_eq!(got.unit.as_deref(), Some("teknik"));
    }

    #[test]
    fn a_unit_claim_comes_first_and_is_translated_when_listed() {
        let m = ClaimMapping {
            unit_claim: Some("department".into()),
            ..mapping()
        };
        let got = m.map(&claims(json!({
            "groups": ["frist-sagsbehandler", "borgerservice-gruppe"],
            "department": "Teknik og Miljø"
        })));
        assert_eq!(got.unit.as_deref(), Some("teknik"));
        let got = m.map(&claims(json!({"department": "skole"})));
        assert_eq!(got.unit.as_deref(), Some("skole"));
        let got = m.map(&claims(json!({"groups": ["teknik-gruppe"]})));
        assert_eq!(got.unit.as_deref(), Some("teknik"));
    }

    #[test]
    fn the_groups_claim_may_be_a_path_into_an_object() {
        let m = ClaimMapping {
            groups_claim: "realm_access.roles".into(),
            ..mapping()
        };
        let c = claims(json!({"realm_access": {"roles": ["frist-leder"]}}));
        assert_eq!(m.map(&c).role, Some(Role::Lead));
        assert!(m.finds_groups_in(&c));
        assert!(!m.finds_groups_in(&claims(json!({"realm_access": {}}))));
    }

    #[test]
    fn the_username_must_be_one_frist_accepts() {
        let c = claims(json!({
            "preferred_username": " mette.hansen@htk.dk ",
            "name": "Mette Hansen",
            "upn": "MH@htk.dk",
            "sub": "AAAA/BBBB="
        }));
        assert_eq!(
            username(&c, "preferred_username").as_deref(),
            Some("mette.hansen@htk.dk")
        );
        assert_eq!(username(&c, "upn").as_deref(), Some("MH@htk.dk"));
        // A space or a slash is not in a username; a missing claim gives none.
        assert_eq!(username(&c, "name"), None);
        assert_eq!(username(&c, "sub"), None);
        assert_eq!(username(&c, "email"), None);
        assert_eq!(text(&c, "name").as_deref(), Some("Mette Hansen"));
    }
}
