//! The OpenAPI 3.1 document of the JSON API, written by hand so that the domain types carry no
//! HTTP annotations. The integration tests check that it names exactly the router's routes.

mod paths;
mod schemas;

use serde_json::{Value, json};

/// The whole document.
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
