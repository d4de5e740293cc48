//! Vector adapters of the finder pillar.
use super::CallResult;
use mallcare::Locale;
use serde_json::Value;

crate::vector_files![];

/// Dispatches the finder pillar's calls; `None` for names it does not know.
pub fn call(_name: &str, _args: &[Value], _locale: Locale) -> Option<CallResult> {
    None
}
