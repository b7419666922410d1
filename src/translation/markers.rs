//! The markers of a coded text (`<1>…</1>`, `<2/>`, module `inline`):
//! reading them back from a translation into the Markdown they stand for,
//! and renumbering a translation's own codes as the source's.

use std::collections::BTreeMap;

use super::inline::{Code, Coded, CodedBlock};

/// A marker in a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Open(usize),
    Close(usize),
    Alone(usize),
}

/// `<3>`, `</3>` or `<3/>` at the start of `text`, and its length.
fn marker(text: &str) -> Option<(Marker, usize)> {
    let rest = text.strip_prefix('<')?;
    let closing = rest.starts_with('/');
    let rest = if closing { &rest[1..] } else { rest };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let id: usize = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    let head = 1 + usize::from(closing) + digits;
    match (closing, after.starts_with("/>"), after.starts_with('>')) {
        (false, true, _) => Some((Marker::Alone(id), head + 2)),
        (false, false, true) => Some((Marker::Open(id), head + 1)),
        (true, false, true) => Some((Marker::Close(id), head + 1)),
        _ => None,
    }
}

/// The plain text of a coded text, without its markers.
pub fn plain(text: &str) -> impl Iterator<Item = &str> {
    tokens(text).into_iter().filter_map(Result::ok)
}

/// A translation cut into its text and its markers.
pub fn tokens(text: &str) -> Vec<Result<&str, Marker>> {
    let mut out = Vec::new();
    let mut plain = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find('<') {
        let start = at + found;
        match marker(&text[start..]) {
            Some((m, len)) => {
                if start > plain {
                    out.push(Ok(&text[plain..start]));
                }
                out.push(Err(m));
                at = start + len;
                plain = at;
            }
            None => at = start + 1,
        }
    }
    if plain < text.len() {
        out.push(Ok(&text[plain..]));
    }
    out
}

/// The Markdown of a translation written with `codes`' markers: each code
/// used at most once and the first `required` (the source's) exactly once,
/// pairs nested as pairs. Errors say what is wrong in words a translator can
/// act on.
pub fn decode(text: &str, codes: &[Code], required: usize) -> Result<String, String> {
    let mut out = String::new();
    let mut used = vec![false; codes.len()];
    let mut open: Vec<usize> = Vec::new();
    for token in tokens(text) {
        let m = match token {
            Ok(plain) => {
                out.push_str(plain);
                continue;
            }
            Err(m) => m,
        };
        let (Marker::Open(id) | Marker::Close(id) | Marker::Alone(id)) = m;
        let Some(code) = id.checked_sub(1).and_then(|n| codes.get(n)) else {
            return Err(format!("the marker of code {id} is not in the source: use only the source's markers"));
        };
        match (m, code) {
            (Marker::Open(_), Code::Paired { open: markup, .. }) => {
                if std::mem::replace(&mut used[id - 1], true) {
                    return Err(format!("{} appears twice", code.shown(id)));
                }
                open.push(id);
                out.push_str(markup);
            }
            (Marker::Close(_), Code::Paired { close, .. }) => {
                if open.pop() != Some(id) {
                    return Err(format!("</{id}> does not close the last <…> opened before it"));
                }
                out.push_str(close);
            }
            (Marker::Alone(_), Code::Standalone(data)) => {
                if std::mem::replace(&mut used[id - 1], true) {
                    return Err(format!("{} appears twice", code.shown(id)));
                }
                out.push_str(data);
            }
            (_, code) => return Err(format!("{} is written as another kind of marker", code.shown(id))),
        }
    }
    if let Some(id) = open.pop() {
        return Err(format!("<{id}> is not closed with </{id}>"));
    }
    if let Some(n) = used.iter().take(required).position(|u| !u) {
        return Err(format!("the translation leaves out {}", codes[n].shown(n + 1)));
    }
    Ok(out)
}

/// A translated block written with the source's markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aligned {
    pub text: String,
    /// Markup the translation has and the source does not (emphasis a
    /// translator added), numbered after the source's codes.
    pub extra: Vec<Code>,
}

/// The translation's blocks written with the source's markers, when the two
/// bodies have the same blocks, block for block; `None` when they do not
/// line up.
pub fn align(source: &[CodedBlock], translation: &[CodedBlock]) -> Option<Vec<Aligned>> {
    if source.len() != translation.len() {
        return None;
    }
    source.iter().zip(translation).map(|(s, t)| (s.block == t.block).then(|| renumber(&s.coded, &t.coded))).collect()
}

/// `translation`'s text with each of its codes numbered as the same code
/// of `source`, or after them when the source has no such code.
fn renumber(source: &Coded, translation: &Coded) -> Aligned {
    let mut taken = vec![false; source.codes.len()];
    let mut extra = Vec::new();
    let mut number: BTreeMap<usize, usize> = BTreeMap::new();
    for (n, code) in translation.codes.iter().enumerate() {
        let found = (0..source.codes.len()).find(|&s| !taken[s] && source.codes[s] == *code);
        let to = match found {
            Some(s) => {
                taken[s] = true;
                s + 1
            }
            None => {
                extra.push(code.clone());
                source.codes.len() + extra.len()
            }
        };
        number.insert(n + 1, to);
    }
    let mut text = String::new();
    for token in tokens(&translation.text) {
        match token {
            Ok(plain) => text.push_str(plain),
            Err(Marker::Open(id)) => text.push_str(&format!("<{}>", number[&id])),
            Err(Marker::Close(id)) => text.push_str(&format!("</{}>", number[&id])),
            Err(Marker::Alone(id)) => text.push_str(&format!("<{}/>", number[&id])),
        }
    }
    Aligned { text, extra }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translation::inline::blocks;

    fn paired(open: &str, close: &str) -> Code {
        Code::Paired { open: open.into(), close: close.into() }
    }

    #[test]
    fn decode_puts_the_markup_back_and_refuses_broken_markers() {
        let body = "Read [the guide](../a.md) and `run`.\n";
        let block = &blocks(body)[0];
        let codes = &block.coded.codes;
        let decode = |text| decode(text, codes, 2);
        assert_eq!(decode("Lisez <1>le guide</1> et <2/>.").unwrap(), "Lisez [le guide](../a.md) et `run`.");
        assert_eq!(decode("<2/> puis <1>le guide</1>").unwrap(), "`run` puis [le guide](../a.md)");
        for broken in [
            "Lisez <1>le guide et <2/>.",
            "Lisez le guide et <2/>.",
            "<1>a</1> <2/> <2/>",
            "<1>a</1> <3/>",
            "<1/> <2/>",
        ] {
            assert!(decode(broken).is_err(), "{broken}");
        }
        assert_eq!(decode("a < b <1>c</1> <2/>").unwrap(), "a < b [c](../a.md) `run`");
        // A code only the translation had may be left out.
        let mut more = codes.clone();
        more.push(Code::Paired { open: "*".into(), close: "*".into() });
        assert_eq!(super::decode("<1>a</1> <2/>", &more, 2).unwrap(), "[a](../a.md) `run`");
        assert_eq!(super::decode("<1>a</1> <3>b</3> <2/>", &more, 2).unwrap(), "[a](../a.md) *b* `run`");
    }

    #[test]
    fn align_renumbers_a_translation_with_the_source_codes() {
        let source = blocks("Read `x` and [the guide](a.md).\n");
        let translation = blocks("Lisez [le guide](a.md) et `x`.\n");
        let aligned = align(&source, &translation).unwrap();
        assert_eq!((aligned[0].text.as_str(), aligned[0].extra.len()), ("Lisez <2>le guide</2> et <1/>.", 0));
        let other_link = align(&source, &blocks("Lisez [le guide](b.md) et *`x`*.\n")).unwrap();
        assert_eq!(other_link[0].text, "Lisez <3>le guide</3> et <4><1/></4>.");
        assert_eq!(other_link[0].extra, [paired("[", "](b.md)"), paired("*", "*")]);
        assert_eq!(align(&source, &blocks("# Lisez\n")), None);
    }
}
