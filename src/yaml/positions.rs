//! Where each value of a YAML document is written. serde_yaml reports
//! positions only for its own errors; our checks on values (an unknown
//! category, a duplicate id) need the line and column of the value itself,
//! so a second, event-level pass with yaml-rust2 records them by path:
//! `[3].categories[1]`, `[3].links[0].url`.

use std::collections::HashMap;
use std::sync::OnceLock;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// The positions of one YAML text, recorded the first time one is asked
/// for: only a file with a problem needs them, and for a catalogue of
/// thousands of resources the second pass costs as much as the first.
#[derive(Debug, Default, Clone)]
pub struct Positions {
    text: String,
    recorded: OnceLock<HashMap<String, (usize, usize)>>,
}

impl Positions {
    /// Keeps `text`, which the file's parsers read through [`Positions::text`].
    pub fn new(text: String) -> Positions {
        Positions { text, recorded: OnceLock::new() }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Positions of every key and value; none if the text is not YAML
    /// (serde_yaml then reports the syntax error).
    fn recorded(&self) -> &HashMap<String, (usize, usize)> {
        self.recorded.get_or_init(|| {
            let mut recorder = Recorder::default();
            let mut parser = Parser::new_from_str(&self.text);
            match parser.load(&mut recorder, false) {
                Ok(()) => recorder.positions,
                Err(_) => HashMap::new(),
            }
        })
    }

    /// Position of the value at `path`, or of its closest recorded parent.
    pub fn get(&self, path: &str) -> (usize, usize) {
        let recorded = self.recorded();
        let mut path = path;
        let position = loop {
            if let Some(&position) = recorded.get(path) {
                break position;
            }
            match path.rfind(['.', '[']) {
                Some(i) => path = &path[..i],
                None => break recorded.get("").copied().unwrap_or((1, 1)),
            }
        };
        crate::yaml::guard::clamp(&self.text, position)
    }

    /// Position of the key `path` (the `categories:` of `[3].categories`).
    pub fn key(&self, path: &str) -> (usize, usize) {
        match self.recorded().get(&format!("{path}:key")) {
            Some(&position) => crate::yaml::guard::clamp(&self.text, position),
            None => self.get(path),
        }
    }
}

enum Frame {
    Sequence {
        next: usize,
    },
    /// In a mapping: the key whose value comes next, if it has been read.
    Mapping {
        key: Option<String>,
        first: bool,
    },
}

#[derive(Default)]
struct Recorder {
    positions: HashMap<String, (usize, usize)>,
    frames: Vec<Frame>,
    /// Path of each open container.
    paths: Vec<String>,
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") }
}

impl Recorder {
    fn parent(&self) -> &str {
        self.paths.last().map_or("", String::as_str)
    }

    /// The path of the node that starts now, or `None` if it is a mapping
    /// key (the key is then remembered for its value).
    fn next_path(&mut self) -> Option<String> {
        let parent = self.parent().to_string();
        match self.frames.last_mut() {
            None => Some(String::new()),
            Some(Frame::Sequence { next }) => {
                *next += 1;
                Some(format!("{parent}[{}]", *next - 1))
            }
            Some(Frame::Mapping { key, .. }) => key.take().map(|k| join(&parent, &k)),
        }
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let position = (mark.line(), mark.col() + 1);
        match event {
            Event::Scalar(value, ..) => match self.next_path() {
                Some(path) => {
                    self.positions.insert(path, position);
                }
                None => {
                    let parent = self.parent().to_string();
                    self.positions.insert(format!("{}:key", join(&parent, &value)), position);
                    if let Some(Frame::Mapping { key, first }) = self.frames.last_mut() {
                        // A block mapping starts where its first key is written.
                        if std::mem::take(first) {
                            self.positions.insert(parent, position);
                        }
                        *key = Some(value);
                    }
                }
            },
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let path = self.next_path().unwrap_or_default();
                self.positions.entry(path.clone()).or_insert(position);
                self.paths.push(path);
                self.frames.push(match event {
                    Event::SequenceStart(..) => Frame::Sequence { next: 0 },
                    _ => Frame::Mapping { key: None, first: true },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.frames.pop();
                self.paths.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_values_by_path() {
        let text = "- id: a\n  categories: [x, y]\n- id: b\n  links:\n    - url: javascript:alert(1)\n";
        let p = Positions::new(text.to_string());
        assert_eq!(p.get("[0].id"), (1, 7));
        assert_eq!(p.get("[0].categories[1]"), (2, 19));
        assert_eq!(p.get("[1].links[0].url"), (5, 12));
        assert_eq!(p.key("[1].links"), (4, 3));
        assert_eq!(p.get("[1].missing"), (3, 3));
    }

    #[test]
    fn top_level_mapping_paths_have_no_dot() {
        let text = "categories:\n  - id: key-guidance\n";
        let p = Positions::new(text.to_string());
        assert_eq!(p.get("categories[0].id"), (2, 9));
    }
}
