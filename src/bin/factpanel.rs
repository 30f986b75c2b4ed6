//! `factpanel [--json] [--mentions] [FILE ...]`
//!
//! Runs the factpanel core on article files (or the embedded seed corpus)
//! and prints the fact panel as a terminal table, or the `factpanel/1`
//! JSON document with `--json`. See `docs/contract.md`.
//!
//! Bad input exits with code 2 and one line on stderr naming the file and
//! the problem; nothing is printed on stdout then.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use factpanel::format::{self, Lang};
use factpanel::model::{Document, MentionsDocument};
use factpanel::Article;

const USAGE: &str = "usage: factpanel [--json] [--mentions] [FILE ...]
  FILE.txt   one UTF-8 article; its first non-empty line is its title
  FILE.json  an article object or an array of them: {\"id\", \"text\", \"title\"?, \"url\"?, \"outlet\"?, \"lang\"?, \"published\"?}
  no FILE    the embedded seed corpus
  --json     print the factpanel/1 JSON document instead of a table
  --mentions list every mention the extractor recognized (factpanel-mentions/1)";

struct Options {
    json: bool,
    mentions: bool,
    files: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options { json: false, mentions: false, files: Vec::new() };
    let mut only_files = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            _ if only_files => o.files.push(a),
            "--json" => o.json = true,
            "--mentions" => o.mentions = true,
            "--" => only_files = true,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s:?}")),
            _ => o.files.push(a),
        }
    }
    Ok(o)
}

/// Reads one file into articles; errors name the file.
fn read_file(path: &str) -> Result<Vec<Article>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{path}: not valid UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
    let p = Path::new(path);
    let is_json = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let articles = factpanel::parse_articles_json(&text).map_err(|e| format!("{path}: {e}"))?;
        if articles.is_empty() {
            return Err(format!("{path}: an empty array: expected at least one article"));
        }
        return Ok(articles);
    }
    if text.trim().is_empty() {
        return Err(format!("{path}: empty text"));
    }
    let id = p.file_stem().and_then(|s| s.to_str()).unwrap_or(path).to_string();
    Ok(vec![Article { lang: Some("fr".into()), ..Article::new(id, text) }])
}

fn load(files: &[String]) -> Result<Vec<Article>, String> {
    if files.is_empty() {
        return Ok(factpanel::corpus::articles());
    }
    let mut out: Vec<(String, Article)> = Vec::new();
    for f in files {
        for a in read_file(f)? {
            if let Some((other, _)) = out.iter().find(|(_, b)| b.id == a.id) {
                return Err(format!("{f}: duplicate article id {:?} (also in {other})", a.id));
            }
            out.push((f.clone(), a));
        }
    }
    // Errors the core finds (empty text in JSON, bad ids) name the file too.
    for (f, a) in &out {
        if let Err(e) = factpanel::validate(std::slice::from_ref(a)) {
            return Err(format!("{f}: {e}"));
        }
    }
    Ok(out.into_iter().map(|(_, a)| a).collect())
}

fn table(doc: &Document) -> String {
    let lang = Lang::Fr;
    let mut s = String::new();
    let on = doc.sources.iter().filter(|x| x.on_event).count();
    s.push_str(&format::event_label(doc, lang).to_string());
    if let Some(d) = &doc.event.date {
        s.push_str(&format!(" — {}", format::date(d, lang)));
    }
    let rooms = factpanel::panel::Newsrooms::new(doc);
    s.push_str(&format!("\n{}\n\n", format::coverage_in_newsrooms(on, doc.sources.len(), rooms.on_event(doc), lang)));
    for f in &doc.facts {
        let (sources, newsrooms, less, disp) = rooms.support(f);
        s.push_str(&format!(
            "{:<12} {}\n             {}  {}\n",
            format!("[{}]", format::status(f.status, lang)),
            format::fact_label(f, doc, lang),
            format::fact_value(f, doc, lang),
            if newsrooms < sources {
                format!("— {}", format::support_in_newsrooms(sources, newsrooms, less, disp, lang))
            } else {
                format!("({})", format::source_count(sources, lang))
            },
        ));
        for c in &f.claims {
            let who = format::said_by(c.said_by.as_ref(), doc, lang);
            let quote: String = c.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let quote = if quote.chars().count() > 110 {
                format!("{}…", quote.chars().take(110).collect::<String>())
            } else {
                quote
            };
            s.push_str(&format!(
                "             - {} [{}]{}: «{}»\n",
                c.source,
                c.value.text.as_deref().unwrap_or(""),
                if who.is_empty() { String::new() } else { format!(" {who}") },
                quote
            ));
        }
    }
    s.push_str("\nSources\n");
    for (i, src) in doc.sources.iter().enumerate() {
        let mark = if src.on_event { "✓" } else { "✗" };
        let wire = src.wire.as_deref().map(|w| format!("  ({})", format::wire_credit(w, lang))).unwrap_or_default();
        s.push_str(&format!("  {mark} {}  {}{wire}\n", src.id, src.title));
        if let Some(o) = rooms.original(i) {
            let w = src.wire.as_deref().or(doc.sources[o].wire.as_deref());
            s.push_str(&format!("      {}\n", format::copy_note(o + 1, w, lang)));
        }
        if let Some(n) = &src.note {
            s.push_str(&format!("      {n}\n"));
        }
    }
    s
}

fn mentions_table(m: &MentionsDocument) -> String {
    let mut s = String::new();
    for x in &m.mentions {
        s.push_str(&format!("{}\t{}\t{}..{}\t{}\t{}\t{}\n", x.source, x.kind, x.start, x.end, x.text, x.value, x.rule));
    }
    s
}

fn run() -> Result<String, (u8, String)> {
    let o = parse_args().map_err(|e| {
        if e.is_empty() {
            (0, USAGE.to_string())
        } else {
            (2, format!("factpanel: {e}\n{USAGE}"))
        }
    })?;
    let articles = load(&o.files).map_err(|e| (2, format!("factpanel: {e}")))?;
    if o.mentions {
        let m = factpanel::mentions(&articles).map_err(|e| (2, format!("factpanel: {e}")))?;
        return Ok(if o.json {
            serde_json::to_string_pretty(&m).expect("mentions serialize") + "\n"
        } else {
            mentions_table(&m)
        });
    }
    let doc = factpanel::analyze(&articles).map_err(|e| (2, format!("factpanel: {e}")))?;
    Ok(if o.json { factpanel::to_json(&doc) + "\n" } else { table(&doc) })
}

fn main() -> ExitCode {
    match run() {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err((0, usage)) => {
            println!("{usage}");
            ExitCode::SUCCESS
        }
        Err((code, msg)) => {
            eprintln!("{msg}");
            ExitCode::from(code)
        }
    }
}
