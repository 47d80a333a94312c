//! The catalogues' tests: every language has every key it must have, and uses it the same way.

mod completeness;
mod lookup;
