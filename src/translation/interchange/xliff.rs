//! XLIFF 2.0 (OASIS, core only): a `<file>` each for the interface
//! strings, the catalogue and the pages, a `<unit>` with one `<segment>` per
//! text. quick-xml escapes what is written and reads what comes back, with
//! byte positions that become the lines and columns of errors.

use std::fmt::Write as _;
use std::path::Path;

use quick_xml::escape::resolve_predefined_entity;

use crate::escape::{xml as escape, xml_text as partial_escape};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

use super::{Document, Export, Incoming, Item, ItemState, error};
use crate::diag::{Diagnostics, LineIndex};
use crate::translation::inline::Code;
use crate::translation::markers::{self, Marker};

/// The whole file.
pub fn write(export: &Export) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        escape(export.source_lang.as_str()),
        escape(export.target_lang.as_str())
    );
    for name in ["strings", "site", "vocabulary", "catalogue", "pages"] {
        let units: Vec<_> = export.units.iter().filter(|u| group(&u.item) == name).collect();
        let Some(first) = units.first() else { continue };
        let original = if name == "pages" { format!("content/{}", export.source_lang) } else { first.origin.clone() };
        let _ = writeln!(
            out,
            "  <file id=\"{}\" original=\"{}\" xml:space=\"preserve\">",
            escape(name),
            escape(original.as_str())
        );
        for unit in units {
            let _ = writeln!(out, "    <unit id=\"{}\">", escape(unit.id.as_str()));
            let _ = writeln!(out, "      <notes>");
            let _ =
                writeln!(out, "        <note category=\"location\">{}</note>", partial_escape(unit.origin.as_str()));
            if let Some(context) = &unit.context {
                let _ = writeln!(out, "        <note category=\"context\">{}</note>", partial_escape(context.as_str()));
            }
            if let Some(review) = unit.review() {
                let _ = writeln!(out, "        <note category=\"state\">{review}</note>");
            }
            let _ = writeln!(out, "      </notes>");
            original_data(&mut out, &unit.codes);
            let state = match (&unit.target, unit.state) {
                (Some(_), ItemState::Current) => "translated",
                _ => "initial",
            };
            let _ = writeln!(out, "      <segment state=\"{state}\">");
            let _ = writeln!(out, "        <source>{}</source>", content(&unit.source, &unit.codes));
            if let Some(target) = &unit.target {
                let _ = writeln!(out, "        <target>{}</target>", content(target, &unit.codes));
            }
            let _ = writeln!(out, "      </segment>");
            let _ = writeln!(out, "    </unit>");
        }
        let _ = writeln!(out, "  </file>");
    }
    out.push_str("</xliff>\n");
    out
}

/// The markup a unit's inline codes stand for, which a tool shows and
/// copies but a translator does not edit.
fn original_data(out: &mut String, codes: &[Code]) {
    if codes.is_empty() {
        return;
    }
    out.push_str("      <originalData>\n");
    for (n, code) in codes.iter().enumerate() {
        let id = n + 1;
        match code {
            Code::Paired { open, close } => {
                let _ = writeln!(out, "        <data id=\"d{id}o\">{}</data>", partial_escape(open.as_str()));
                let _ = writeln!(out, "        <data id=\"d{id}c\">{}</data>", partial_escape(close.as_str()));
            }
            Code::Standalone(data) => {
                let _ = writeln!(out, "        <data id=\"d{id}\">{}</data>", partial_escape(data.as_str()));
            }
        }
    }
    out.push_str("      </originalData>\n");
}

/// A text with its markers as `<pc>` (markup around text) and `<ph>`
/// (markup alone), each pointing at its `<data>`.
fn content(text: &str, codes: &[Code]) -> String {
    if codes.is_empty() {
        return partial_escape(text).into_owned();
    }
    let mut out = String::with_capacity(text.len() + 32 * codes.len());
    for token in markers::tokens(text) {
        match token {
            Ok(plain) => out.push_str(&partial_escape(plain)),
            Err(Marker::Open(id)) => {
                let _ = write!(out, "<pc id=\"{id}\" dataRefStart=\"d{id}o\" dataRefEnd=\"d{id}c\" canDelete=\"no\">");
            }
            Err(Marker::Close(_)) => out.push_str("</pc>"),
            Err(Marker::Alone(id)) => {
                let _ = write!(out, "<ph id=\"{id}\" dataRef=\"d{id}\" canDelete=\"no\"/>");
            }
        }
    }
    out
}

/// The `<file>` of an item's units.
fn group(item: &Item) -> &'static str {
    match item {
        Item::String(_) => "strings",
        Item::Resource(_) => "catalogue",
        Item::Page(_) => "pages",
        Item::Setting(_) => "site",
        Item::Term(_) => "vocabulary",
    }
}

/// The units of a translated file. Syntax errors are reported with their
/// position; the first one ends the reading, as XML allows no recovery.
pub fn read(text: &str, path: &Path, diags: &mut Diagnostics) -> Document {
    let index = LineIndex::new(text);
    let at = |offset: u64| index.position(text, usize::try_from(offset).unwrap_or(usize::MAX));
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut state = State { doc: Document { lang_at: (1, 1), ..Document::default() }, ..State::default() };
    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                diags.push(error(path, at(reader.error_position()), format!("broken XML: {e}")));
                return state.doc;
            }
        };
        let result = match &event {
            Event::Start(e) => state.start(e, at(before), false),
            Event::Empty(e) => state.start(e, at(before), true),
            Event::End(e) => {
                state.end(&String::from_utf8_lossy(e.name().as_ref()));
                Ok(())
            }
            Event::Text(e) => e.decode().map(|t| state.text(&t)).map_err(|e| e.to_string()),
            Event::CData(e) => e.decode().map(|t| state.text(&t)).map_err(|e| e.to_string()),
            Event::GeneralRef(e) => reference(e).map(|t| state.text(&t)),
            Event::Eof => break,
            _ => Ok(()),
        };
        if let Err(message) = result {
            diags.push(error(path, at(before), message));
            if state.fatal {
                return state.doc;
            }
        }
    }
    if let Some(open) = state.stack.last() {
        diags.push(error(path, at(text.len() as u64), format!("broken XML: <{open}> is not closed")));
    } else if !state.root {
        diags.push(error(path, (1, 1), "not an XLIFF file: no <xliff> element"));
    }
    state.doc
}

/// `&amp;`, `&#233;`: the text they stand for.
fn reference(e: &BytesRef) -> Result<String, String> {
    if let Some(c) = e.resolve_char_ref().map_err(|e| format!("broken XML: {e}"))? {
        return Ok(c.to_string());
    }
    let name = e.decode().map_err(|e| e.to_string())?;
    resolve_predefined_entity(&name).map(str::to_string).ok_or_else(|| format!("broken XML: unknown entity `&{name};`"))
}

#[derive(Default)]
struct State {
    doc: Document,
    stack: Vec<String>,
    root: bool,
    unit: Option<Incoming>,
    /// Inside `<target>` (true) or `<source>` (false): the text read so far.
    capture: Option<(bool, String)>,
    /// The ids of the `<pc>` elements open in it.
    paired: Vec<String>,
    /// The error ends the reading.
    fatal: bool,
}

fn attribute(e: &BytesStart, name: &str) -> Result<Option<String>, String> {
    for attribute in e.attributes() {
        let attribute = attribute.map_err(|e| format!("broken XML: {e}"))?;
        if attribute.key.as_ref() == name.as_bytes() {
            let value = attribute.unescape_value().map_err(|e| format!("broken XML: {e}"))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

impl State {
    fn start(&mut self, e: &BytesStart, at: (usize, usize), empty: bool) -> Result<(), String> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if !empty {
            self.stack.push(name.clone());
        }
        if let Some((is_target, buffer)) = self.capture.as_mut() {
            return match name.as_str() {
                "mrk" => Ok(()),
                // Inline codes become the markers of signpost's units.
                "pc" | "ph" => {
                    let id = attribute(e, "id")?.ok_or_else(|| format!("a <{name}> without an id"))?;
                    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(format!(
                            "<{name} id=\"{id}\"> is not one of the source's inline codes: copy the source's codes"
                        ));
                    }
                    match (name.as_str(), empty) {
                        ("pc", false) => {
                            buffer.push_str(&format!("<{id}>"));
                            self.paired.push(id);
                        }
                        ("pc", true) => buffer.push_str(&format!("<{id}></{id}>")),
                        _ => buffer.push_str(&format!("<{id}/>")),
                    }
                    Ok(())
                }
                "sc" | "ec" => Err(format!(
                    "<{name}> in a unit: write the source's inline codes as the <pc> elements it has (no split pairs)"
                )),
                "cp" => {
                    let hex = attribute(e, "hex")?.unwrap_or_default();
                    let c = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                    c.map(|c| buffer.push(c)).ok_or_else(|| format!("<cp hex=\"{hex}\"> is not a character"))
                }
                _ if *is_target => {
                    Err(format!("<{name}> in a <target>: only the source's inline codes (<pc>, <ph>) can be used"))
                }
                _ => Ok(()),
            };
        }
        match name.as_str() {
            "xliff" => {
                self.root = true;
                self.doc.lang_at = at;
                let version = attribute(e, "version")?;
                if !version.as_deref().is_some_and(|v| v.starts_with("2.")) {
                    self.fatal = true;
                    return Err(format!(
                        "XLIFF version {} is not read: export an XLIFF 2.0 file (signpost i18n export --format xliff)",
                        version.unwrap_or_else(|| "(none)".into())
                    ));
                }
                self.doc.source_lang = attribute(e, "srcLang")?.map(|l| (l, at));
                self.doc.target_lang = attribute(e, "trgLang")?.map(|l| (l, at));
            }
            _ if !self.root => {
                self.fatal = true;
                return Err(format!("not an XLIFF file: the root element is <{name}>, not <xliff>"));
            }
            "unit" => {
                let Some(id) = attribute(e, "id")? else { return Err("a <unit> without an id".into()) };
                self.unit = Some(Incoming { id, source: None, target: None, confirmed: true, at, target_at: at });
            }
            "segment" => {
                let state = attribute(e, "state")?;
                if let Some(unit) = self.unit.as_mut() {
                    unit.confirmed &= matches!(state.as_deref(), Some("translated" | "reviewed" | "final"));
                }
            }
            "source" | "target" if self.unit.is_some() && !empty => {
                let is_target = name == "target";
                if let Some(unit) = self.unit.as_mut().filter(|_| is_target) {
                    unit.target_at = at;
                    unit.target.get_or_insert_with(String::new);
                }
                self.capture = Some((is_target, String::new()));
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        self.stack.pop();
        match name {
            "pc" if self.capture.is_some() => {
                if let (Some(id), Some((_, buffer))) = (self.paired.pop(), self.capture.as_mut()) {
                    buffer.push_str(&format!("</{id}>"));
                }
            }
            "source" | "target" if self.capture.is_some() => {
                if let (Some((is_target, text)), Some(unit)) = (self.capture.take(), self.unit.as_mut()) {
                    // Segments of one unit (a tool may split it) join up.
                    let joined = if is_target { &mut unit.target } else { &mut unit.source };
                    joined.get_or_insert_with(String::new).push_str(&text);
                }
            }
            "unit" => self.doc.units.extend(self.unit.take()),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, buffer)) = self.capture.as_mut() {
            buffer.push_str(text);
        }
    }
}
