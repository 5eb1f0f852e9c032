//! Share links: a whole scenario packed into the URL fragment, so it never
//! reaches a server: `#s=2.<base64url-nopad(raw DEFLATE(compact JSON))>`.
//!
//! The number before the `.` is the link format; the JSON inside carries its
//! own `schema` version, checked by [`validate`](super::validate()).
//!
//! - Format 2 (written today) deflates the JSON after a preset dictionary,
//!   [`LINK_DICTIONARY_2`]: the compressor starts with the dictionary in its
//!   window, so keys, settings and lesson captions that it holds cost a few
//!   bits. That halves a link made from scratch and brings a preset's lesson
//!   link from a median of about 1,860 characters to about 660. The
//!   dictionary is frozen: a link made today must open in every later
//!   Fanout, so it is never edited (a test pins it); a better one would be
//!   format 3.
//! - Format 1 is plain raw DEFLATE. It is never written any more and always
//!   read.
//!
//! Decoding treats its input as hostile: a link may be cut short by a chat
//! program, mangled by hand, or built to exhaust memory. Every step has a
//! bound or a check of its own and a message a learner can act on
//! ([`CodecError`]'s `Display`), and no input makes it panic:
//!
//! 1. the input's size is capped ([`MAX_LINK_CHARS`]) before anything else;
//! 2. the token is found (alone, after `s=`, `#s=`, or inside a whole URL);
//! 3. the format prefix is checked (`1.` or `2.`; a higher number means a
//!    newer Fanout);
//! 4. base64url is decoded strictly (only `A–Z a–z 0–9 - _`, no padding, no
//!    impossible length, no stray bits);
//! 5. raw DEFLATE is inflated into at most [`MAX_JSON_BYTES`] (beyond the
//!    dictionary, for format 2), so a deflate bomb stops at the cap instead
//!    of filling memory;
//! 6. the bytes must be UTF-8, then parse as a scenario and validate.
//!
//! Imported files go through the same parsing after their own size check
//! ([`scenario_from_file_text`]).
//!
//! What it leaves out: percent-encoded links (browsers never percent-encode
//! base64url characters).

use super::{validate::ValidationError, Scenario, ScenarioError, SCHEMA_VERSION};
use miniz_oxide::deflate::core::{compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus};
use miniz_oxide::deflate::CompressionLevel;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use serde::Deserialize;
use std::fmt;

/// The link format written before the first `.` of every token (the newest;
/// every older one still opens).
pub const LINK_FORMAT_VERSION: u32 = 2;

/// Format 2's preset dictionary: the lesson captions and the component,
/// wire and step settings of the presets as they were when format 2 was
/// made (compact JSON fragments, the generic ones last, where the
/// compressor's 32 KiB window reaches them best). Frozen; see the module
/// page.
pub const LINK_DICTIONARY_2: &[u8] = include_bytes!("link_dictionary_2.bin");

/// The longest input [`decode`] looks at, in bytes (a real link is ASCII, so
/// bytes are characters). 64 KiB holds any realistic canvas; browsers and
/// chat programs handle fragments of this size.
pub const MAX_LINK_CHARS: usize = 64 * 1024;

/// The most JSON a link may unpack to. Inflating stops here, so a deflate
/// bomb costs at most this much memory. It equals [`MAX_FILE_BYTES`] so that
/// anything that opens as a file also opens as a link, when it fits one.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;

/// The largest scenario file Import accepts, checked before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// `CompressionLevel::BestCompression` (9): links are short and written
/// rarely, so the slower compressor is worth it.
const COMPRESSION_LEVEL: u8 = CompressionLevel::BestCompression as u8;

/// How much of a parser's message (which may quote the hostile input) is
/// shown to the person.
const MAX_DETAIL_CHARS: usize = 160;
/// How many validation problems a message lists before "and N more".
pub const MAX_PROBLEMS_SHOWN: usize = 5;

/// Why a share link or a scenario file could not be opened. `Display` is
/// the message to show the person, saying what went wrong and what to do.
#[derive(Debug)]
pub enum CodecError {
    /// Nothing to open: the input, or the part after `#s=`, is empty.
    Empty,
    /// The input is longer than [`MAX_LINK_CHARS`] bytes.
    LinkTooLong { bytes: usize },
    /// The input does not look like a Fanout share link at all.
    NotAFanoutLink,
    /// The link format or the scenario's schema is newer than this Fanout;
    /// `newest` is the newest of that kind this Fanout opens.
    NewerVersion { version: u64, newest: u32 },
    /// A character that base64url never contains.
    BadCharacter { character: char },
    /// The data ends early: an impossible base64 length, stray final bits,
    /// or a compressed stream that stops before its end.
    CutShort,
    /// The compressed data is not valid DEFLATE.
    Damaged,
    /// The link unpacks to more than [`MAX_JSON_BYTES`].
    TooLarge,
    /// The unpacked data is not UTF-8 text.
    NotText,
    /// An imported file is larger than [`MAX_FILE_BYTES`].
    FileTooLarge { bytes: usize },
    /// The text is not a scenario document (bad JSON or the wrong shape).
    NotAScenario(serde_json::Error),
    /// The document parses but does not make sense; every problem is listed.
    Invalid(Vec<ValidationError>),
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodecError::Empty => write!(
                f,
                "There is no scenario in this link: it should end in #s={LINK_FORMAT_VERSION}. followed by \
                 letters and digits. Copy the whole link again."
            ),
            CodecError::LinkTooLong { bytes } => write!(
                f,
                "This link is too large to open ({} characters; at most {} are accepted). Export \
                 the scenario as a file and import that instead.",
                thousands(*bytes),
                thousands(MAX_LINK_CHARS)
            ),
            CodecError::NotAFanoutLink => write!(
                f,
                "This is not a Fanout scenario link: a share link ends in #s={LINK_FORMAT_VERSION}. followed \
                 by letters and digits."
            ),
            CodecError::NewerVersion { version, newest } => write!(
                f,
                "This scenario was made by a newer version of Fanout (format {version}); this \
                 version opens formats up to {newest}. Open it in the latest Fanout."
            ),
            CodecError::BadCharacter { character } if character.is_whitespace() => f.write_str(
                "This link is damaged: it contains a space or line break, as if it was split over \
                 two lines. Copy the whole link again as one piece.",
            ),
            CodecError::BadCharacter { character } => write!(
                f,
                "This link is damaged: it contains '{}', which a share link never does. Copy the \
                 whole link again.",
                character.escape_debug()
            ),
            CodecError::CutShort => {
                f.write_str("This link is damaged: it was cut short — copy the whole link again.")
            }
            CodecError::Damaged => f.write_str(
                "This link is damaged: its data cannot be unpacked — copy the whole link again.",
            ),
            CodecError::TooLarge => write!(
                f,
                "This link is too large to open: its scenario unpacks to more than {} bytes.",
                thousands(MAX_JSON_BYTES)
            ),
            CodecError::NotText => f.write_str(
                "This link is damaged: its data is not text — copy the whole link again.",
            ),
            CodecError::FileTooLarge { bytes } => write!(
                f,
                "This file is too large to be a Fanout scenario ({} bytes; at most {}).",
                thousands(*bytes),
                thousands(MAX_FILE_BYTES)
            ),
            CodecError::NotAScenario(_) => {
                write!(f, "This is not a Fanout scenario: {}.", self.detail().unwrap_or_default())
            }
            CodecError::Invalid(problems) => {
                let count = problems.len();
                let noun = if count == 1 { "problem" } else { "problems" };
                write!(f, "This scenario cannot be opened; it has {count} {noun}: ")?;
                f.write_str(&self.detail().unwrap_or_default())?;
                if count > MAX_PROBLEMS_SHOWN {
                    write!(f, "; and {} more", count - MAX_PROBLEMS_SHOWN)?;
                }
                f.write_str(".")
            }
        }
    }
}

impl CodecError {
    /// The technical part of the message, as `Display` quotes it, for an
    /// interface that says the rest in its own language: the parser's
    /// message for [`NotAScenario`](CodecError::NotAScenario), or the first
    /// [`MAX_PROBLEMS_SHOWN`] problems of
    /// [`Invalid`](CodecError::Invalid) as `at: message`, separated by `; `
    /// (shortened and cleaned, as they may quote the input). `None` for the
    /// other variants, whose message has no detail.
    pub fn detail(&self) -> Option<String> {
        match self {
            CodecError::NotAScenario(error) => Some(excerpt(&error.to_string(), MAX_DETAIL_CHARS)),
            CodecError::Invalid(problems) => Some(
                problems
                    .iter()
                    .take(MAX_PROBLEMS_SHOWN)
                    .map(|problem| {
                        // `at` may quote an id from the link; keep it short and clean.
                        format!(
                            "{}: {}",
                            excerpt(&problem.at, 2 * super::validate::MAX_ID_CHARS + 10),
                            excerpt(&problem.message, MAX_DETAIL_CHARS)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            _ => None,
        }
    }
}

impl std::error::Error for CodecError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CodecError::NotAScenario(error) => Some(error),
            _ => None,
        }
    }
}

/// Packs a scenario into a share token, `1.<payload>`. The same scenario
/// always gives the same token.
///
/// A scenario at the validation limits can give a token longer than
/// [`MAX_LINK_CHARS`], which [`decode`] refuses; check `token.len()` and
/// offer Export instead.
pub fn encode(scenario: &Scenario) -> String {
    // Serialising a scenario cannot fail: it has no maps with non-string keys.
    let json = serde_json::to_vec(scenario).expect("a scenario always serialises");
    let compressed = deflate_after(LINK_DICTIONARY_2, &json);
    let mut token = format!("{LINK_FORMAT_VERSION}.");
    token.reserve(compressed.len().div_ceil(3) * 4);
    encode_base64url(&compressed, &mut token);
    token
}

/// The URL fragment for a scenario, `#s=1.<payload>`, to put in
/// `location.hash`.
pub fn share_fragment(scenario: &Scenario) -> String {
    format!("#s={}", encode(scenario))
}

/// Opens a share link. Accepts the token alone (`1.…`), `s=1.…`, `#s=1.…`
/// or a whole URL containing `#s=1.…`; surrounding whitespace and other
/// `&key=value` fragment parameters are ignored.
pub fn decode(input: &str) -> Result<Scenario, CodecError> {
    if input.len() > MAX_LINK_CHARS {
        return Err(CodecError::LinkTooLong { bytes: input.len() });
    }
    let token = find_token(input)?;
    let (format, payload) = strip_format_version(token)?;
    let compressed = decode_base64url(payload)?;
    if compressed.is_empty() {
        // `#s=2.` and nothing after it: the data was lost in copying.
        return Err(CodecError::CutShort);
    }
    let dictionary: &[u8] = if format == 2 { LINK_DICTIONARY_2 } else { &[] };
    let json = inflate_after(dictionary, &compressed)?;
    let text = String::from_utf8(json).map_err(|_| CodecError::NotText)?;
    parse_scenario(&text)
}

/// Opens the text of an imported scenario file: checks its size before
/// parsing, then parses and validates it like a link's JSON.
pub fn scenario_from_file_text(text: &str) -> Result<Scenario, CodecError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(CodecError::FileTooLarge { bytes: text.len() });
    }
    // Some editors start UTF-8 files with a byte-order mark; JSON does not allow it.
    parse_scenario(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The share token inside whatever the person pasted or the browser gave us.
fn find_token(input: &str) -> Result<&str, CodecError> {
    let text = input.trim();
    let (fragment, had_hash) = match text.split_once('#') {
        Some((_, fragment)) => (fragment, true),
        None => (text, false),
    };
    let token = match fragment.split('&').find_map(|param| param.strip_prefix("s=")) {
        Some(token) => token,
        // A bare token has no `#` and no `key=value` shape.
        None if !had_hash && !fragment.contains('=') => fragment,
        None => return Err(CodecError::NotAFanoutLink),
    };
    if token.is_empty() {
        return Err(CodecError::Empty);
    }
    Ok(token)
}

/// Raw DEFLATE of `data` by a compressor that has seen `dictionary` first:
/// the dictionary is compressed and flushed to a byte boundary (a sync
/// flush), that output is dropped, and the rest is the payload. Its
/// back-references into the dictionary are distances into the inflated
/// stream, so [`inflate_after`] only needs the dictionary's bytes.
fn deflate_after(dictionary: &[u8], data: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(i32::from(COMPRESSION_LEVEL), -15, 0);
    let mut compressor = CompressorOxide::new(flags);
    let mut output = Vec::new();
    deflate_into(&mut compressor, dictionary, TDEFLFlush::Sync, &mut output);
    let dictionary_bytes = output.len();
    deflate_into(&mut compressor, data, TDEFLFlush::Finish, &mut output);
    output.split_off(dictionary_bytes)
}

/// Feeds `input` to the compressor and appends what it writes, until the
/// input is used up and `flush` is done.
fn deflate_into(compressor: &mut CompressorOxide, mut input: &[u8], flush: TDEFLFlush, output: &mut Vec<u8>) {
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let (status, used, written) = compress(compressor, input, &mut chunk, flush);
        output.extend_from_slice(&chunk[..written]);
        input = &input[used..];
        match status {
            TDEFLStatus::Done => return,
            // A sync flush is complete once all input is in and the output
            // did not fill the chunk (a full chunk may have more to come).
            TDEFLStatus::Okay if flush != TDEFLFlush::Finish && input.is_empty() && written < chunk.len() => return,
            TDEFLStatus::Okay => {}
            // Compressing into memory has no way to fail.
            TDEFLStatus::BadParam | TDEFLStatus::PutBufFailed => unreachable!("deflate into memory failed"),
        }
    }
}

/// Inflates a payload made by [`deflate_after`] with the same dictionary
/// (empty for format 1): the dictionary goes first as one stored block (not
/// final), so the payload's back-references find it, and is cut off again.
/// At most [`MAX_JSON_BYTES`] come out beyond the dictionary.
fn inflate_after(dictionary: &[u8], payload: &[u8]) -> Result<Vec<u8>, CodecError> {
    let mut stream = Vec::with_capacity(5 + dictionary.len() + payload.len());
    if !dictionary.is_empty() {
        let length = u16::try_from(dictionary.len()).expect("a dictionary fits one stored block");
        // BFINAL 0, BTYPE 00 (stored), padding to the byte: one zero byte;
        // then LEN and its one's complement, little-endian.
        stream.push(0);
        stream.extend_from_slice(&length.to_le_bytes());
        stream.extend_from_slice(&(!length).to_le_bytes());
        stream.extend_from_slice(dictionary);
    }
    stream.extend_from_slice(payload);
    let mut json = decompress_to_vec_with_limit(&stream, dictionary.len() + MAX_JSON_BYTES).map_err(|error| {
        match error.status {
            TINFLStatus::HasMoreOutput => CodecError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => CodecError::CutShort,
            _ => CodecError::Damaged,
        }
    })?;
    if json.len() < dictionary.len() {
        return Err(CodecError::Damaged);
    }
    Ok(json.split_off(dictionary.len()))
}

/// The link format and the payload after its `N.` prefix, or why there is
/// none.
fn strip_format_version(token: &str) -> Result<(u32, &str), CodecError> {
    let Some((version, payload)) = token.split_once('.') else {
        return Err(CodecError::NotAFanoutLink);
    };
    // At most 18 digits, so the number fits a u64.
    let is_number = (1..=18).contains(&version.len()) && version.bytes().all(|b| b.is_ascii_digit());
    match version.parse::<u64>() {
        Ok(v) if is_number && (1..=u64::from(LINK_FORMAT_VERSION)).contains(&v) => Ok((v as u32, payload)),
        Ok(v) if is_number && v > u64::from(LINK_FORMAT_VERSION) => {
            Err(CodecError::NewerVersion { version: v, newest: LINK_FORMAT_VERSION })
        }
        _ => Err(CodecError::NotAFanoutLink),
    }
}

/// Parses scenario JSON and validates it. A document from a newer Fanout is
/// recognised before the strict parse, which would otherwise complain about
/// fields it does not know instead of saying what is actually wrong.
fn parse_scenario(text: &str) -> Result<Scenario, CodecError> {
    #[derive(Deserialize)]
    struct SchemaOnly {
        schema: u64,
    }
    if let Ok(SchemaOnly { schema }) = serde_json::from_str::<SchemaOnly>(text) {
        if schema > u64::from(SCHEMA_VERSION) {
            return Err(CodecError::NewerVersion { version: schema, newest: SCHEMA_VERSION });
        }
    }
    Scenario::from_json(text).map_err(|error| match error {
        ScenarioError::Json(error) => CodecError::NotAScenario(error),
        ScenarioError::Invalid(problems) => CodecError::Invalid(problems),
    })
}

const BASE64URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends `bytes` as base64url without padding (RFC 4648 §5).
fn encode_base64url(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let group = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // n bytes make n + 1 characters; the rest would only be padding.
        for i in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(BASE64URL_ALPHABET[sextet as usize]));
        }
    }
}

/// The 6-bit value of one base64url character.
fn base64url_value(character: char) -> Option<u32> {
    let value = match character {
        'A'..='Z' => character as u32 - 'A' as u32,
        'a'..='z' => character as u32 - 'a' as u32 + 26,
        '0'..='9' => character as u32 - '0' as u32 + 52,
        '-' => 62,
        '_' => 63,
        _ => return None,
    };
    Some(value)
}

/// Strict base64url without padding: every character must be in the
/// alphabet, the length must be possible, and the bits left over after the
/// last whole byte must be zero (as every encoder writes them).
fn decode_base64url(text: &str) -> Result<Vec<u8>, CodecError> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut buffer: u32 = 0;
    let mut buffered_bits = 0;
    for character in text.chars() {
        let value = base64url_value(character).ok_or(CodecError::BadCharacter { character })?;
        buffer = (buffer << 6) | value;
        buffered_bits += 6;
        if buffered_bits >= 8 {
            buffered_bits -= 8;
            bytes.push((buffer >> buffered_bits) as u8);
            buffer &= (1 << buffered_bits) - 1;
        }
    }
    // One character alone carries only 6 bits, less than a byte: the text was
    // cut. Non-zero leftover bits mostly mean the same (a character from the
    // middle of the data now stands last), so both say "cut short".
    if text.len() % 4 == 1 || buffer != 0 {
        return Err(CodecError::CutShort);
    }
    Ok(bytes)
}

/// A short, single-line excerpt of text that may come from a hostile link:
/// control characters dropped, at most `max_chars` characters.
fn excerpt(text: &str, max_chars: usize) -> String {
    let mut clean: String = text.chars().filter(|c| !c.is_control()).take(max_chars).collect();
    if text.chars().filter(|c| !c.is_control()).nth(max_chars).is_some() {
        clean.push('…');
    }
    clean
}

/// `1048576` → `1,048,576`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 §10, without padding.
        let vectors: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
        ];
        for (bytes, text) in vectors {
            let mut encoded = String::new();
            encode_base64url(bytes, &mut encoded);
            assert_eq!(encoded, text);
            assert_eq!(decode_base64url(text).unwrap(), bytes);
        }
        // The two characters that differ from standard base64.
        let mut encoded = String::new();
        encode_base64url(&[0xfb, 0xff], &mut encoded);
        assert_eq!(encoded, "-_8");
    }

    #[test]
    fn base64url_round_trips_every_byte_value_and_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            let mut encoded = String::new();
            encode_base64url(&bytes[..len], &mut encoded);
            assert_eq!(decode_base64url(&encoded).unwrap(), &bytes[..len]);
        }
    }

    #[test]
    fn base64url_is_strict() {
        assert!(matches!(decode_base64url("Zm9v+"), Err(CodecError::BadCharacter { character: '+' })));
        assert!(matches!(decode_base64url("Zm9v/"), Err(CodecError::BadCharacter { character: '/' })));
        assert!(matches!(decode_base64url("Zg=="), Err(CodecError::BadCharacter { character: '=' })));
        assert!(matches!(decode_base64url("Zm9vé"), Err(CodecError::BadCharacter { character: 'é' })));
        // Five characters cannot come from whole bytes.
        assert!(matches!(decode_base64url("Zm9vY"), Err(CodecError::CutShort)));
        // "Zh" decodes to 'f' but with stray low bits set.
        assert!(matches!(decode_base64url("Zh"), Err(CodecError::CutShort)));
    }

    #[test]
    fn the_token_is_found_in_every_accepted_shape() {
        for input in [
            "1.abc",
            "s=1.abc",
            "#s=1.abc",
            "  #s=1.abc\n",
            "https://example.org/fanout/#s=1.abc",
            "https://example.org/fanout/?embed#s=1.abc&autoplay=1",
            "#embed&s=1.abc&speed=2",
        ] {
            assert_eq!(find_token(input).unwrap(), "1.abc", "{input}");
        }
        assert!(matches!(find_token(""), Err(CodecError::Empty)));
        assert!(matches!(find_token("#s="), Err(CodecError::Empty)));
        assert!(matches!(find_token("https://example.org/#about"), Err(CodecError::NotAFanoutLink)));
        assert!(matches!(find_token("https://example.org/?s=1.abc"), Err(CodecError::NotAFanoutLink)));
    }

    #[test]
    fn the_format_prefix_is_checked() {
        assert_eq!(strip_format_version("1.abc").unwrap(), (1, "abc"));
        assert_eq!(strip_format_version("2.abc").unwrap(), (2, "abc"));
        assert!(matches!(strip_format_version("3.abc"), Err(CodecError::NewerVersion { version: 3, newest: LINK_FORMAT_VERSION })));
        for garbage in ["abc", "0.abc", "x.abc", ".abc", "+2.abc", "99999999999999999999999.abc"] {
            assert!(matches!(strip_format_version(garbage), Err(CodecError::NotAFanoutLink)), "{garbage}");
        }
    }

    #[test]
    fn messages_are_bounded_and_clean() {
        assert_eq!(excerpt("a\u{7}b\nc", 10), "abc");
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("abc", 3), "abc");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(65_536), "65,536");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }

    #[test]
    fn messages_name_the_current_link_format() {
        for error in [CodecError::Empty, CodecError::NotAFanoutLink] {
            let message = error.to_string();
            assert!(message.contains(&format!("#s={LINK_FORMAT_VERSION}. followed by letters and digits")), "{message}");
        }
        assert_eq!(CodecError::Empty.detail(), None);
    }
}
