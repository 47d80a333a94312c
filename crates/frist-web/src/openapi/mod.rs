//! The OpenAPI 3.1 document of the JSON API, written by hand so that the domain types carry no
//! HTTP annotations. The integration tests check that it names exactly the router's routes.

mod events;
mod paths;
mod schemas;

use serde_json::{Value, json};

/// The document as served: [`document`] with the case types of `policy`, the one new
/// inquiries are received under, as the only values `case_type` may take.
pub fn document_for(policy: &frist_policy::Policy) -> Value {
    let mut doc = document();
    let mut allowed: Vec<Value> = policy
        .case_types
        .iter()
        .map(|c| Value::from(c.id.clone()))
        .collect();
    allowed.push(Value::Null);
    for schema in ["NewInquiry", "EventReclassified"] {
        if let Some(case_type) = doc
            .pointer_mut(&format!(
                "/components/schemas/{schema}/properties/case_type"
            ))
            .and_then(Value::as_object_mut)
        {
            case_type.insert("enum".into(), Value::Array(allowed.clone()));
        }
    }
    doc
}

/// The whole document, for any policy (`case_type` is any text here).
pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Frist API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Registers citizens' inquiries to a Danish municipality and tracks the deadlines of its published service goals. Errors are application/problem+json documents naming the field. Roles: caseworker (everything but the below), lead (also reports), admin (also units and caseworkers).",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"}
        },
        "security": [{"bearer": []}],
        "paths": paths::paths(),
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A token from `frist token create`; only its SHA-256 is stored."
                }
            },
            "schemas": schemas::schemas()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `$ref` points at a schema that exists.
    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut refs = Vec::new();
        collect_refs(&doc, &mut refs);
        assert!(!refs.is_empty());
        for r in refs {
            let name = r.strip_prefix("#/components/schemas/").unwrap();
            assert!(schemas.contains_key(name), "dangling $ref {r}");
        }
    }

    #[test]
    fn the_served_document_lists_the_policys_case_types() {
        let text = include_str!("../../../../policies/roskilde.toml");
        let policy = frist_policy::Policy::from_toml("roskilde", text).unwrap();
        let doc = document_for(&policy);
        let allowed = doc
            .pointer("/components/schemas/NewInquiry/properties/case_type/enum")
            .and_then(Value::as_array)
            .unwrap();
        assert_eq!(allowed.len(), policy.case_types.len() + 1);
        assert_eq!(allowed.last(), Some(&Value::Null));
    }

    fn collect_refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r.clone());
                }
                map.values().for_each(|v| collect_refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
            _ => {}
        }
    }
}
