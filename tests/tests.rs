//! Signpost's integration tests: one binary, a module per feature. Each test
//! copies a fixture site from `tests/fixtures/` into a temporary folder and
//! runs the real `signpost` command on it.

mod support;

mod architecture;
mod build_output;
mod check;
mod downloads;
mod errors;
mod fuzz;
mod incremental;
mod interchange;
mod interface_strings;
mod library;
mod new_site;
mod pdf;
mod search;
mod search_quality;
mod serve;
mod translation;
mod trust;
