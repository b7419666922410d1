//! A query as typed, made ready to search: cleaned, bounded, cut into
//! words and "quoted phrases"; and the typo distance by which a word that
//! matches nothing is matched to a word the documents use.

use crate::index::analysis::{surface_analyzer, tokens};
use crate::model::Lang;

use super::MAX_QUERY_CHARS;

/// A query cut into words and phrases, surfaces already normalised.
#[derive(Debug, Default, PartialEq)]
pub struct Parsed {
    pub words: Vec<String>,
    /// Whether the last word may be a prefix (the query does not end with a
    /// space or a closing quote).
    pub last_is_prefix: bool,
    pub phrases: Vec<Vec<String>>,
}

/// Cleans and cuts a query: control characters dropped, length bounded.
pub fn parse(lang: &Lang, query: &str) -> (Parsed, Option<String>) {
    let cleaned: String = query.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut message = None;
    let cleaned: String = if cleaned.chars().count() > MAX_QUERY_CHARS {
        message = Some(format!("the query was shortened to {MAX_QUERY_CHARS} characters"));
        cleaned.chars().take(MAX_QUERY_CHARS).collect()
    } else {
        cleaned
    };
    let mut analyzer = surface_analyzer(lang);
    let mut parsed = Parsed::default();
    let mut last_in_phrase = false;
    for (i, part) in cleaned.split('"').enumerate() {
        let words = tokens(&mut analyzer, part);
        if words.is_empty() {
            continue;
        }
        let is_phrase = i % 2 == 1;
        if is_phrase && words.len() > 1 {
            parsed.phrases.push(words.clone());
        }
        last_in_phrase = is_phrase;
        parsed.words.extend(words);
    }
    let ends_open = !cleaned.ends_with(char::is_whitespace) && !cleaned.ends_with('"');
    parsed.last_is_prefix = ends_open && !last_in_phrase && !parsed.words.is_empty();
    (parsed, message)
}

/// Typos forgiven in a word: one from 4 letters, two from 8.
pub fn typo_budget(word: &str) -> usize {
    match word.chars().count() {
        0..4 => 0,
        4..8 => 1,
        _ => 2,
    }
}

/// The Damerau-Levenshtein distance of `a` and `b` (optimal string
/// alignment: insertions, deletions, substitutions, swaps of neighbours),
/// if at most `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        let mut best = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    Some(rows[a.len() * width + b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos() {
        assert_eq!(edit_distance("health", "helth", 1), Some(1));
        assert_eq!(edit_distance("health", "healht", 1), Some(1), "a swap is one edit");
        assert_eq!(edit_distance("psychosis", "pyschosis", 2), Some(1));
        assert_eq!(edit_distance("health", "wealth", 1), Some(1));
        assert_eq!(edit_distance("health", "heal", 1), None);
        assert_eq!(edit_distance("epilepsy", "epilespy", 2), Some(1));
        assert_eq!(edit_distance("mental", "mantale", 2), Some(2));
        assert_eq!(edit_distance("", "ab", 2), Some(2));
        assert_eq!([typo_budget("abc"), typo_budget("abcd"), typo_budget("abcdefgh")], [0, 1, 2]);
    }

    #[test]
    fn phrases_and_prefix() {
        let (p, _) = parse(&Lang::new("en"), "\"mental health\" integr");
        assert_eq!(p.words, ["mental", "health", "integr"]);
        assert_eq!(p.phrases, vec![vec!["mental".to_string(), "health".to_string()]]);
        assert!(p.last_is_prefix);
        let (p, _) = parse(&Lang::new("en"), "plan ");
        assert!(!p.last_is_prefix);
    }

    #[test]
    fn control_characters_and_length() {
        let (p, m) = parse(&Lang::new("en"), &format!("a\u{0}b {}", "x".repeat(500)));
        assert_eq!(p.words[0], "a");
        assert!(m.is_some());
    }
}
