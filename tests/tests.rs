//! Signpost's integration tests: one binary, a module per feature. Each test
//! copies a fixture site from `tests/fixtures/` into a temporary folder and
//! runs the real `signpost` command on it.

mod support;

mod build_output;
mod check;
mod errors;
mod interchange;
mod interface_strings;
mod library;
mod pdf;
mod search;
mod translation;
