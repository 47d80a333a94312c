//! What the staff forms share: the problems with their fields (shown next to each field and in
//! the summary at the top) and the options of their drop-downs.

use std::borrow::Cow;

/// A problem with one field of a form, by the field's id. The message is usually a catalogue
/// text; it is owned when it names what was typed (e.g. an unknown placeholder).
#[derive(Debug, Clone)]
pub(crate) struct FieldError {
    pub field: &'static str,
    pub message: Cow<'static, str>,
}

/// A form's field problems, in the order the summary lists them.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, field: &'static str, message: impl Into<Cow<'static, str>>) {
        self.0.push(FieldError {
            field,
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// The problem with `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_ref())
    }

    /// The ids an input is described by: its hint (if any) and its error (if any).
    pub fn described_by(&self, field: &str, hint: Option<&str>) -> String {
        let mut ids: Vec<String> = hint.map(str::to_owned).into_iter().collect();
        if self.get(field).is_some() {
            ids.push(format!("{field}-error"));
        }
        ids.join(" ")
    }
}

/// One option of a drop-down.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}
