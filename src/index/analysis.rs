//! Text analysis for search, per language: the same on documents at build
//! time and on queries at search time.
//!
//! Words are cut by [`WordTokenizer`], which keeps combining marks inside
//! words (so Arabic with tashkeel stays one word) and removes them from the
//! token; then lower-casing, accent folding (stratégie finds strategie) and
//! a Snowball stemmer. For Arabic the tokenizer also drops tatweel, unifies
//! the alef forms (أ إ آ ٱ → ا), folds ى → ي and ة → ه, and strips the
//! article with the particles written onto it (ال وال بال فبال لل ..., see
//! [`strip_arabic_article`]) before stemming, so بالذهان, الذهان and ذهان
//! are one word.
//!
//! The *surface* of a word is its analysed form before stemming; the browser
//! looks words up by surface (see [`super::export`]).

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use crate::model::Lang;

/// Name of a language's analyser in the tantivy index.
pub fn analyzer_name(lang: &Lang) -> String {
    format!("signpost_{lang}")
}

fn stemmer_language(lang: &Lang) -> Option<Language> {
    match lang.as_str().split('-').next().unwrap_or("") {
        "en" => Some(Language::English),
        "fr" => Some(Language::French),
        "es" => Some(Language::Spanish),
        "ar" => Some(Language::Arabic),
        "pt" => Some(Language::Portuguese),
        "de" => Some(Language::German),
        "it" => Some(Language::Italian),
        "ru" => Some(Language::Russian),
        _ => None,
    }
}

fn is_arabic(lang: &Lang) -> bool {
    lang.as_str().split('-').next() == Some("ar")
}

/// The full analyser: surface forms, then stemmed.
pub fn analyzer(lang: &Lang) -> TextAnalyzer {
    let base = TextAnalyzer::builder(WordTokenizer { arabic: is_arabic(lang) })
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    match stemmer_language(lang) {
        Some(language) => base.filter(Stemmer::new(language)).build(),
        None => base.build(),
    }
}

/// The analyser without the stemmer: words as the browser normalises them.
pub fn surface_analyzer(lang: &Lang) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer { arabic: is_arabic(lang) })
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The tokens of `text`, in order.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while stream.advance() {
        tokens.push(stream.token().text.clone());
    }
    tokens
}

/// The stem of one surface form.
pub fn stem(lang: &Lang, surface: &str) -> String {
    match stemmer_language(lang) {
        Some(language) => {
            let mut analyzer = TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
                .filter(Stemmer::new(language))
                .build();
            tokens(&mut analyzer, surface).pop().unwrap_or_else(|| surface.to_string())
        }
        None => surface.to_string(),
    }
}

/// Splits text into words: letters and digits, with combining marks kept
/// inside a word and removed from its token.
#[derive(Clone)]
pub struct WordTokenizer {
    arabic: bool,
}

pub struct WordStream<'a> {
    text: &'a str,
    offset: usize,
    arabic: bool,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream { text, offset: 0, arabic: self.arabic, token: Token { position: usize::MAX, ..Token::default() } }
    }
}

/// Arabic diacritics (tashkeel), the superscript alef, and tatweel.
fn is_removed_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn is_mark(c: char) -> bool {
    is_removed_mark(c) || matches!(c, '\u{0300}'..='\u{036F}')
}

/// Letter forms written interchangeably in Arabic.
fn fold_arabic(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        c => c,
    }
}

/// The article ال with the conjunctions و ف and the prepositions ب ك ل
/// attached to it (ل + ال is written لل), longest first. A lone و ف ب ك ل
/// is kept: too many words begin with these letters (وسائل, فعالية, بيت),
/// and the Snowball stemmer already removes them where it is safe.
const ARABIC_ARTICLES: [&str; 12] =
    ["وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];

/// Fewest letters left after stripping: ال before one letter is a word
/// (الم, pain), not an article.
const ARABIC_MIN_STEM: usize = 2;

/// A word without its article and the particles attached to it (already
/// folded), when at least [`ARABIC_MIN_STEM`] letters remain. `search.js`
/// applies the same rule.
pub fn strip_arabic_article(word: &str) -> &str {
    for prefix in ARABIC_ARTICLES {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= ARABIC_MIN_STEM
        {
            return rest;
        }
    }
    word
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let rest = &self.text[self.offset..];
            let Some(start) = rest.find(|c: char| c.is_alphanumeric() && !is_mark(c)) else {
                self.offset = self.text.len();
                return false;
            };
            let start = self.offset + start;
            let mut end = start;
            let mut text = String::new();
            for c in self.text[start..].chars() {
                // Marks first: Unicode counts Arabic harakat as alphabetic.
                if is_mark(c) {
                } else if c.is_alphanumeric() {
                    text.push(if self.arabic { fold_arabic(c) } else { c });
                } else {
                    break;
                }
                end += c.len_utf8();
            }
            self.offset = end;
            if text.is_empty() {
                continue;
            }
            if self.arabic {
                let stripped = strip_arabic_article(&text);
                if stripped.len() < text.len() {
                    text = stripped.to_string();
                }
            }
            self.token.position = self.token.position.wrapping_add(1);
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.text = text;
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(lang: &str, text: &str) -> Vec<String> {
        tokens(&mut analyzer(&Lang::new(lang)), text)
    }

    #[test]
    fn accents_fold_and_stem_alike() {
        assert_eq!(analyse("fr", "stratégie"), analyse("fr", "strategie"));
        assert_eq!(analyse("es", "planificación"), analyse("es", "planificacion"));
        assert_eq!(analyse("en", "Integrating"), analyse("en", "integrated"));
    }

    #[test]
    fn arabic_normalisation() {
        // Tashkeel and tatweel removed, alef forms unified, ى/ي and ة/ه folded.
        assert_eq!(analyse("ar", "الصِّحَّة"), analyse("ar", "الصحه"));
        assert_eq!(analyse("ar", "النفسيـــة"), analyse("ar", "النفسية"));
        assert_eq!(analyse("ar", "إدماج"), analyse("ar", "ادماج"));
        assert_eq!(analyse("ar", "مستشفى"), analyse("ar", "مستشفي"));
        assert_eq!(analyse("ar", "الصحة النفسية").len(), 2);
    }

    #[test]
    fn arabic_article_and_attached_particles() {
        let plain = analyse("ar", "ذهان");
        for word in ["الذهان", "بالذهان", "وبالذهان", "والذهان", "فالذهان", "كالذهان", "للذهان", "وللذهان"]
        {
            assert_eq!(analyse("ar", word), plain, "{word}");
        }
        // Surfaces lose the article too: the browser looks words up by them.
        assert_eq!(tokens(&mut surface_analyzer(&Lang::new("ar")), "بالذهان والصحة"), ["ذهان", "صحه"]);
        // Too short to be an article with a word: kept.
        assert_eq!(strip_arabic_article("الم"), "الم");
        assert_eq!(strip_arabic_article("بالغ"), "بالغ");
        // A lone particle is kept.
        assert_eq!(strip_arabic_article("وسائل"), "وسائل");
        // Other languages are untouched.
        assert_eq!(analyse("en", "allah"), ["allah"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "أَهْلاً بالعالم";
        let mut analyzer = surface_analyzer(&Lang::new("ar"));
        let mut stream = analyzer.token_stream(text);
        assert!(stream.advance());
        let token = stream.token();
        assert_eq!(&text[token.offset_from..token.offset_to], "أَهْلاً");
        assert_eq!(token.text, "اهلا");
    }
}
