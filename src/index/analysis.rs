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

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
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

/// The name of Snowball's algorithm for `lang`, as its generated files
/// are named (`themes/default/static/snowball/<name>-stemmer.js`, the
/// stemmer `search.js` runs).
pub fn snowball_name(lang: &Lang) -> Option<&'static str> {
    Some(match stemmer_language(lang)? {
        Language::English => "english",
        Language::French => "french",
        Language::Spanish => "spanish",
        Language::Arabic => "arabic",
        Language::Portuguese => "portuguese",
        Language::German => "german",
        Language::Italian => "italian",
        Language::Russian => "russian",
        _ => return None,
    })
}

fn is_arabic(lang: &Lang) -> bool {
    lang.as_str().split('-').next() == Some("ar")
}

/// The full analyser: surface forms, then stemmed.
pub fn analyzer(lang: &Lang) -> TextAnalyzer {
    recording_analyzer(lang, Lexicon::default())
}

/// The words an analyser met: each surface form with its stem (what the
/// lexicon files list), and each word as cut from the text with its stem
/// (a cache: a site uses some tens of thousands of distinct words in
/// millions of tokens).
#[derive(Default)]
pub struct Words {
    pub surfaces: HashMap<String, String>,
    /// Looked up for every token: FxHash, not SipHash (a build's own words
    /// need no protection against collisions chosen by an attacker).
    raw: FxHashMap<String, String>,
}

/// [`Words`] shared by an analyser's clones (the index writer clones it).
pub type Lexicon = Arc<Mutex<Words>>;

/// The full analyser, noting in `lexicon` every word it meets: the index
/// stage reads the lexicon from it instead of cutting every text a second
/// time, and each distinct word is lower-cased, folded and stemmed once.
/// Gives the same tokens as [`surface_analyzer`] followed by the stemmer.
pub fn recording_analyzer(lang: &Lang, lexicon: Lexicon) -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer { arabic: is_arabic(lang) })
        .filter(CachedAnalysis { language: stemmer_language(lang), lexicon })
        .build()
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
            let mut analyzer = TextAnalyzer::builder(RawTokenizer::default()).filter(Stemmer::new(language)).build();
            tokens(&mut analyzer, surface).pop().unwrap_or_else(|| surface.to_string())
        }
        None => surface.to_string(),
    }
}

/// Longest word indexed, in bytes, as tantivy's `RemoveLongFilter`.
const MAX_WORD_BYTES: usize = 40;

/// What [`surface_analyzer`]'s filters and the Snowball [`Stemmer`] do to
/// a word, remembered per word in a [`Lexicon`].
#[derive(Clone)]
pub struct CachedAnalysis {
    language: Option<Language>,
    lexicon: Lexicon,
}

impl TokenFilter for CachedAnalysis {
    type Tokenizer<T: Tokenizer> = CachedAnalysisFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> CachedAnalysisFilter<T> {
        let surface =
            TextAnalyzer::builder(RawTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build();
        let stemmer = self
            .language
            .map(|language| TextAnalyzer::builder(RawTokenizer::default()).filter(Stemmer::new(language)).build());
        CachedAnalysisFilter { inner, surface, stemmer, lexicon: self.lexicon }
    }
}

#[derive(Clone)]
pub struct CachedAnalysisFilter<T> {
    inner: T,
    surface: TextAnalyzer,
    stemmer: Option<TextAnalyzer>,
    lexicon: Lexicon,
}

impl<T: Tokenizer> Tokenizer for CachedAnalysisFilter<T> {
    type TokenStream<'a> = CachedAnalysisStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        // One lock per text; the index writer uses one thread.
        let words = self.lexicon.lock().unwrap_or_else(|e| e.into_inner());
        CachedAnalysisStream {
            tail: self.inner.token_stream(text),
            surface: &mut self.surface,
            stemmer: self.stemmer.as_mut(),
            words,
        }
    }
}

pub struct CachedAnalysisStream<'a, T> {
    tail: T,
    surface: &'a mut TextAnalyzer,
    stemmer: Option<&'a mut TextAnalyzer>,
    words: MutexGuard<'a, Words>,
}

impl<T: TokenStream> TokenStream for CachedAnalysisStream<'_, T> {
    fn advance(&mut self) -> bool {
        loop {
            if !self.tail.advance() {
                return false;
            }
            let token = self.tail.token_mut();
            if token.text.len() >= MAX_WORD_BYTES {
                continue;
            }
            if let Some(stem) = self.words.raw.get(&token.text) {
                token.text.clear();
                token.text.push_str(stem);
                return true;
            }
            let surface = tokens(self.surface, &token.text).pop().unwrap_or_default();
            let stem = match self.stemmer.as_mut() {
                Some(stemmer) => tokens(stemmer, &surface).pop().unwrap_or_else(|| surface.clone()),
                None => surface.clone(),
            };
            self.words.surfaces.insert(surface, stem.clone());
            let raw = std::mem::replace(&mut token.text, stem.clone());
            self.words.raw.insert(raw, stem);
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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

/// `char::is_alphanumeric`, without its table lookup for Arabic letters
/// and digits and for accented Latin letters.
fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        0x0620..=0x063F | 0x0641..=0x064A | 0x0660..=0x0669 => true,
        0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x024F => true,
        _ => c.is_alphanumeric(),
    }
}

/// Letter forms written interchangeably in Arabic, and the one each
/// becomes.
pub const ARABIC_FOLDS: [(char, char); 6] = [('أ', 'ا'), ('إ', 'ا'), ('آ', 'ا'), ('ٱ', 'ا'), ('ى', 'ي'), ('ة', 'ه')];

fn fold_arabic(c: char) -> char {
    ARABIC_FOLDS.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to)
}

/// The Arabic tables the browser's analysis needs (`search.js` reads them
/// from `meta.json`): articles, fewest letters left, letter folds. `None`
/// for other languages.
pub fn browser_tables(lang: &Lang) -> Option<serde_json::Value> {
    is_arabic(lang).then(|| {
        let folds: serde_json::Map<String, serde_json::Value> =
            ARABIC_FOLDS.iter().map(|(from, to)| (from.to_string(), to.to_string().into())).collect();
        serde_json::json!({ "articles": ARABIC_ARTICLES, "minStem": ARABIC_MIN_STEM, "folds": folds })
    })
}

/// The article ال with the conjunctions و ف and the prepositions ب ك ل
/// attached to it (ل + ال is written لل), longest first. A lone و ف ب ك ل
/// is kept: too many words begin with these letters (وسائل, فعالية, بيت),
/// and the Snowball stemmer already removes them where it is safe.
pub const ARABIC_ARTICLES: [&str; 12] =
    ["وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];

/// Fewest letters left after stripping: ال before one letter is a word
/// (الم, pain), not an article.
pub const ARABIC_MIN_STEM: usize = 2;

/// A word without its article and the particles attached to it (already
/// folded), when at least `ARABIC_MIN_STEM` letters remain. `search.js`
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
        // Byte by byte for ASCII, the bulk of most text; the token's buffer
        // is reused.
        let bytes = self.text.as_bytes();
        let mut i = self.offset;
        loop {
            let Some(&b) = bytes.get(i) else {
                self.offset = i;
                return false;
            };
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
                continue;
            }
            let c = self.text[i..].chars().next().unwrap_or_default();
            if !is_mark(c) && is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        let text = &mut self.token.text;
        text.clear();
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                text.push(char::from(b));
                i += 1;
                continue;
            }
            let c = self.text[i..].chars().next().unwrap_or_default();
            // Marks first: Unicode counts Arabic harakat as alphabetic.
            if is_mark(c) {
            } else if is_word_char(c) {
                text.push(if self.arabic { fold_arabic(c) } else { c });
            } else {
                break;
            }
            i += c.len_utf8();
        }
        self.offset = i;
        if self.arabic {
            let article = text.len() - strip_arabic_article(text).len();
            text.drain(..article);
        }
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = start;
        self.token.offset_to = i;
        true
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
    fn the_lexicon_records_surfaces_and_stems() {
        let lexicon = Lexicon::default();
        let mut recording = recording_analyzer(&Lang::new("en"), lexicon.clone());
        assert_eq!(tokens(&mut recording, "Strategies strategies Stratégies"), ["strategi", "strategi", "strategi"]);
        let seen = lexicon.lock().unwrap().surfaces.clone();
        assert_eq!(seen, HashMap::from([("strategies".to_string(), "strategi".to_string())]));
        // Cached or not, the same tokens as the filters one after another.
        let text = "Ünïcode ÉTÉ été straße ÆON İstanbul x".repeat(2) + &"y".repeat(45);
        let plain = |lang: &str| {
            let mut surface = surface_analyzer(&Lang::new(lang));
            tokens(&mut surface, &text).iter().map(|w| stem(&Lang::new(lang), w)).collect::<Vec<_>>()
        };
        for lang in ["en", "fr", "ar", "zz"] {
            assert_eq!(tokens(&mut analyzer(&Lang::new(lang)), &text), plain(lang), "{lang}");
        }
        assert_eq!(stem(&Lang::new("en"), "strategies"), "strategi");
    }

    #[test]
    fn fast_word_characters_agree_with_unicode() {
        for c in (0..0x0700).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
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
