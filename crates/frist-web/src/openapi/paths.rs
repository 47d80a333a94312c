//! The paths of the document: every route, its parameters, body and answers.

use super::schemas::{calendar_date, calendar_instant, schema};
use serde_json::{Value, json};

fn json_body(schema_name: &str, description: &str) -> Value {
    json!({
        "required": true,
        "description": description,
        "content": {"application/json": {"schema": schema(schema_name)}}
    })
}

fn ok(description: &str, schema_name: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema(schema_name)}}})
}

fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {"schema": schema("Problem")}}
    })
}

/// The responses every authenticated route may give, plus `extra`.
fn responses(extra: Value) -> Value {
    let mut all = json!({
        "401": problem("No or unknown bearer token (with `WWW-Authenticate: Bearer`)."),
        "500": problem("Internal error; the cause is logged, not shown."),
    });
    if let (Some(all), Value::Object(extra)) = (all.as_object_mut(), extra) {
        all.extend(extra);
    }
    all
}

fn query(name: &str, schema: Value, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "schema": schema, "description": description})
}

fn required_query(name: &str, schema: Value, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": true, "schema": schema, "description": description})
}

fn path_param(name: &str, schema: Value, description: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "schema": schema, "description": description})
}

/// The answer to a path parameter that cannot name anything.
fn bad_path() -> Value {
    problem("A path parameter is malformed; `field` names it (the value is not repeated).")
}

fn inquiry_id() -> Value {
    path_param(
        "id",
        json!({"type": "integer", "format": "int64", "minimum": 1}),
        "The inquiry's id.",
    )
}

fn reveal() -> Value {
    query(
        "reveal",
        json!({"type": "string", "enum": ["cpr"]}),
        "`cpr` shows CPR numbers in full. The view is recorded in the access log, as is every view of the body.",
    )
}

pub fn paths() -> Value {
    let id = inquiry_id();
    json!({
        "/health": {"get": {
            "summary": "Health: answers after a cheap call to the store.",
            "operationId": "health",
            "security": [],
            "responses": {
                "200": {"description": "Up.", "content": {"application/json": {"schema":
                    {"type": "object", "properties": {"status": {"const": "ok"}}, "required": ["status"]}}}},
                "500": problem("The store does not answer.")
            }
        }},
        "/api/v1/openapi.json": {"get": {
            "summary": "This document.",
            "operationId": "openapi",
            "security": [],
            "responses": {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}}
        }},
        "/api/v1/inquiries": {
            "post": {
                "summary": "Register an inquiry (henvendelse). Idempotent on (channel, external_id).",
                "description": "Answers 201 after the commit is durable, with `Location`. The same `external_id` on the same channel again answers 200 with the inquiry already stored. Obligations are derived from the policy in force. The body is not echoed.",
                "operationId": "createInquiry",
                "requestBody": json_body("NewInquiry", "What arrived."),
                "responses": responses(json!({
                    "201": ok("Registered.", "Inquiry"),
                    "200": ok("Already registered under this channel and external_id.", "Inquiry"),
                    "400": problem("Not valid JSON."),
                    "413": problem("Body larger than the limit (1 MiB by default)."),
                    "415": problem("Content-Type is not application/json."),
                    "422": problem("A field is wrong; `field` names it.")
                }))
            },
            "get": {
                "summary": "The queue: inquiries ordered by nearest open deadline, then id. No bodies; CPR numbers masked.",
                "operationId": "listInquiries",
                "parameters": [
                    query("unit", json!({"type": "string", "minLength": 1}), "Only this unit."),
                    query("caseworker", json!({"type": "string", "minLength": 1}), "Only this caseworker."),
                    query("state", schema("InquiryState"), "Only this state."),
                    query("due_before", json!({"anyOf": [calendar_instant("An instant."), calendar_date("A date: its start in Copenhagen.")]}), "Only inquiries whose nearest open deadline is before this instant (RFC 3339) or date (YYYY-MM-DD, its start in Copenhagen)."),
                    query("breached", json!({"type": "boolean"}), "`true`: only inquiries with an open obligation past its deadline now."),
                    query("cursor", json!({"type": "string", "pattern": "^[0-9A-Fa-f]{32}$"}), "`next_cursor` of the previous page (opaque)."),
                    query("limit", json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 50}), "Rows per page.")
                ],
                "responses": responses(json!({
                    "200": ok("A page.", "Page"),
                    "422": problem("A parameter is wrong; `field` names it.")
                }))
            }
        },
        "/api/v1/inquiries/{id}": {"get": {
            "summary": "One inquiry with its body, obligations (state at now) and events (oldest first).",
            "description": "CPR numbers are masked everywhere in the answer unless `reveal=cpr`. Every answer is recorded in the access log (`body`, and `cpr` when revealed).",
            "operationId": "getInquiry",
            "parameters": [id.clone(), reveal()],
            "responses": responses(json!({
                "200": ok("The inquiry.", "InquiryDetail"),
                "400": bad_path(),
                "404": problem("No such inquiry."),
                "422": problem("A parameter is wrong.")
            }))
        }},
        "/api/v1/inquiries/by-reference/{reference}": {"get": {
            "summary": "One inquiry by its reference, e.g. ROS-2026-000123; as GET /api/v1/inquiries/{id}.",
            "operationId": "getInquiryByReference",
            "parameters": [
                path_param("reference", json!({"type": "string", "pattern": "^[A-Za-z]{2,6}-(190[0-9]|19[1-9][0-9]|2[01][0-9]{2}|2200)-0*[1-9][0-9]{0,8}$"}), "The reference: the policy's prefix, the year of receipt (1900–2200), a number from 1."),
                reveal()
            ],
            "responses": responses(json!({
                "200": ok("The inquiry.", "InquiryDetail"),
                "400": bad_path(),
                "404": problem("No such inquiry."),
                "422": problem("A query parameter is wrong.")
            }))
        }},
        "/api/v1/inquiries/{id}/events": {"post": {
            "summary": "Append an event; the actor is the token's name, the time now (or `at`, not in the future).",
            "description": "The lifecycle may refuse (422 with `reason`, e.g. `close_without_answer`); `deadline_extended` also checks the notice against the rules (422 with `violations`), and queues the notice in the outbox (kind `extension_notice`, listed in `outgoing`) on a channel with a delivery, together with the event; a channel the sender gave no address for is 422 (`notice.channel`). A refused request stores nothing.",
            "operationId": "appendEvent",
            "parameters": [id.clone()],
            "requestBody": json_body("EventRequest", "The event."),
            "responses": responses(json!({
                "201": ok("Appended; the updated inquiry, with `warnings`.", "Inquiry"),
                "400": problem("Not valid JSON, or the path's `id` is malformed."),
                "404": problem("No such inquiry."),
                "409": problem("Changed concurrently; try again."),
                "413": problem("Body too large."),
                "415": problem("Content-Type is not application/json."),
                "422": problem("A field is wrong, the lifecycle refused, or rules are broken.")
            }))
        }},
        "/api/v1/inquiries/{id}/messages": {"post": {
            "summary": "Send a message, after checking it against the rules; or only check it (`dry_run`).",
            "description": "A blocking violation answers 422 with `violations`; a lifecycle refusal 422 with `reason`. `dry_run: true` answers 200 `{ok, violations, refused}` and stores nothing. A message by e-mail, Digital Post, letter or Facebook is queued in the outbox with a `message_queued` event, which counts from now (it meets obligations and makes an acknowledgment's promise; should the outbox give up, `message_failed` takes that back): 201 with the updated inquiry, `outgoing`, the queued entry as `message` and the `warnings`; `message_sent` is recorded only when the channel accepted it. A channel the sender gave no address for is 422 (`channel`). Any other channel (web form, phone, in person) needs no delivery: a `message_sent` event at once, 201 with the updated inquiry.",
            "operationId": "sendMessage",
            "parameters": [id],
            "requestBody": json_body("MessageRequest", "The message."),
            "responses": responses(json!({
                "201": ok("Queued in the outbox (`message` is the queued entry), or recorded at once on a channel without a delivery.", "Inquiry"),
                "200": ok("Dry run: what the rules say.", "DryRun"),
                "400": problem("Not valid JSON, or the path's `id` is malformed."),
                "404": problem("No such inquiry."),
                "409": problem("Changed concurrently; try again."),
                "413": problem("Body too large."),
                "415": problem("Content-Type is not application/json."),
                "422": problem("A field is wrong, the lifecycle refused, or rules are broken (`violations`).")
            }))
        }},
        "/api/v1/units": {"get": {
            "summary": "All units.",
            "operationId": "listUnits",
            "responses": responses(json!({"200": {"description": "Units.", "content": {"application/json": {"schema":
                {"type": "object", "properties": {"items": {"type": "array", "items": schema("Unit")}}, "required": ["items"]}}}}}))
        }},
        "/api/v1/units/{id}": {
            "get": {
                "summary": "One unit.",
                "operationId": "getUnit",
                "parameters": [path_param("id", schema("Id"), "The unit's id.")],
                "responses": responses(json!({"200": ok("The unit.", "Unit"), "400": bad_path(), "404": problem("No such unit.")}))
            },
            "put": {
                "summary": "Create or replace a unit (admin).",
                "operationId": "putUnit",
                "parameters": [path_param("id", schema("Id"), "The unit's id; `id` in the body may be left out.")],
                "requestBody": json_body("UnitRequest", "The unit."),
                "responses": responses(json!({
                    "201": ok("Created.", "Unit"), "200": ok("Replaced.", "Unit"),
                    "400": problem("Not valid JSON, or the path's `id` is malformed."), "403": problem("Not an admin."),
                    "413": problem("Body too large."), "415": problem("Not JSON."),
                    "422": problem("A field is wrong.")
                }))
            }
        },
        "/api/v1/caseworkers": {"get": {
            "summary": "All caseworkers, with absence and substitute.",
            "operationId": "listCaseworkers",
            "responses": responses(json!({"200": {"description": "Caseworkers.", "content": {"application/json": {"schema":
                {"type": "object", "properties": {"items": {"type": "array", "items": schema("Caseworker")}}, "required": ["items"]}}}}}))
        }},
        "/api/v1/caseworkers/{id}": {
            "get": {
                "summary": "One caseworker.",
                "operationId": "getCaseworker",
                "parameters": [path_param("id", schema("Id"), "The caseworker's user name.")],
                "responses": responses(json!({"200": ok("The caseworker.", "Caseworker"), "400": bad_path(), "404": problem("No such caseworker.")}))
            },
            "put": {
                "summary": "Create or replace a caseworker (admin). The unit and the substitute must exist.",
                "operationId": "putCaseworker",
                "parameters": [path_param("id", schema("Id"), "The caseworker's user name; `id` in the body may be left out.")],
                "requestBody": json_body("CaseworkerRequest", "The caseworker."),
                "responses": responses(json!({
                    "201": ok("Created.", "Caseworker"), "200": ok("Replaced.", "Caseworker"),
                    "400": problem("Not valid JSON, or the path's `id` is malformed."), "403": problem("Not an admin."),
                    "413": problem("Body too large."), "415": problem("Not JSON."),
                    "422": problem("A field is wrong.")
                }))
            }
        },
        "/api/v1/reports/compliance": {"get": {
            "summary": "Compliance: obligations due in the period, grouped (lead, admin).",
            "description": "Dates are local Copenhagen dates; `to` is inclusive, so the period is [from 00:00, the day after to 00:00).",
            "operationId": "complianceReport",
            "parameters": [
                required_query("from", calendar_date("First day."), "First day."),
                required_query("to", calendar_date("Last day, inclusive; not before `from`."), "Last day (inclusive); not before `from` (422 with `field: to` otherwise)."),
                query("group_by", json!({"type": "string", "enum": ["goal", "unit", "channel", "month", "case_type"], "default": "goal"}), "How to group: by service goal, unit, channel, month of the deadline, or the inquiry's case type (\"(ingen sagstype)\" for none).")
            ],
            "responses": responses(json!({
                "200": ok("The figures.", "ComplianceReport"),
                "403": problem("Not a lead or admin."),
                "422": problem("A parameter is wrong.")
            }))
        }},
        "/api/v1/reports/service": {"get": {
            "summary": "Service report: the inquiries received in the period, grouped (lead, admin).",
            "description": "Referrals and hand-overs, phone inquiries handled at first contact against messages taken, errors registered, feedback and satisfaction, promised answer dates kept, and the working days to the final answer, gross and net of the time spent waiting for the citizen. Dates are local Copenhagen dates; `to` is inclusive.",
            "operationId": "serviceReport",
            "parameters": [
                required_query("from", calendar_date("First day of receipt."), "First day of receipt."),
                required_query("to", calendar_date("Last day of receipt, inclusive; not before `from`."), "Last day (inclusive); not before `from` (422 with `field: to` otherwise)."),
                query("group_by", json!({"type": "string", "enum": ["month", "unit", "channel", "case_type", "sender_kind"], "default": "month"}), "How to group: month of receipt, unit (\"(ingen enhed)\" for none), channel, case type (\"(ingen sagstype)\"), or sender kind (`person`, `business`).")
            ],
            "responses": responses(json!({
                "200": ok("The figures.", "ServiceReport"),
                "403": problem("Not a lead or admin."),
                "422": problem("A parameter is wrong.")
            }))
        }}
    })
}
