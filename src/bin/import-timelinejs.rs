//! Moving from TimelineJS in one command: reads a TimelineJS JSON file, or
//! its Google Sheet template exported as CSV, and writes our data format to
//! stdout.
//!
//! ```text
//! cargo run --bin import-timelinejs -- FILE [--lang en|zh-Hant|zh-Hans] [--organisations public/data/timeline.json] > timeline.json
//! ```
//!
//! stderr lists, one line each, what was not carried over and what to
//! check, then the problems the output has by our rules. Exit code 0: the
//! output is valid; 1: it was written but has problems to fix; 2: nothing
//! could be imported. The work is in `src/import/`.

/// The importer is a host tool: its module is not built for wasm32, where
/// this program does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    host::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::io::Write;
    use std::process::ExitCode;

    use hkust_pumch_timeline::import::{import, Format, Options};
    use hkust_pumch_timeline::model::{load, Lang};

    const USAGE: &str = "usage: cargo run --bin import-timelinejs -- FILE [--lang en|zh-Hant|zh-Hans] [--organisations OUR-DATA.json] > timeline.json

Reads a TimelineJS timeline (its JSON file, or the Google Sheet template
exported as CSV) and writes this timeline's data format to stdout.
  --lang           the language the texts are in (default: en)
  --organisations  one of our data files, whose organisations a TimelineJS
                   group may name (by id, name or short name)
stderr lists what was not carried over and what to check.
Exit code 0: valid output; 1: output written, with problems to fix; 2: nothing imported.";

    /// Writes to stderr; a closed pipe ends the output quietly.
    macro_rules! tell {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

    struct Args {
        file: String,
        lang: Lang,
        organisations: Option<String>,
    }

    fn args() -> Result<Args, String> {
        let mut file = None;
        let mut lang = Lang::En;
        let mut organisations = None;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--lang" => {
                    let code = args.next().unwrap_or_default();
                    lang = Lang::from_code(&code).ok_or_else(|| {
                    format!("--lang \"{code}\" is not one of this timeline's languages: use en, zh-Hant or zh-Hans")
                })?;
                }
                "--organisations" => {
                    organisations = Some(args.next().ok_or("--organisations needs a file")?);
                }
                a if a.starts_with('-') => return Err(format!("unknown option \"{a}\"")),
                _ if file.is_some() => return Err("give one file".into()),
                _ => file = Some(arg),
            }
        }
        Ok(Args {
            file: file.ok_or("give the TimelineJS file to import")?,
            lang,
            organisations,
        })
    }

    fn read(file: &str) -> Result<String, String> {
        let bytes =
            std::fs::read(file).map_err(|e| format!("{file}: cannot read the file: {e}"))?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{file}: the file is not UTF-8 text (byte {}): save or export it as UTF-8",
                e.utf8_error().valid_up_to()
            )
        })
    }

    fn run(args: Args) -> Result<bool, String> {
        let organisations = match &args.organisations {
            Some(file) => {
                let timeline = load(&read(file)?).map_err(|e| {
                    format!("{file}: {e} (check it with: cargo run --bin check-data -- {file})")
                })?;
                timeline.doc.organisations
            }
            None => Vec::new(),
        };
        let text = read(&args.file)?;
        let options = Options {
            lang: args.lang,
            organisations: &organisations,
            folder: std::path::Path::new(&args.file).parent(),
        };
        let report = import(&text, Format::of(&args.file, &text), &options)
            .map_err(|e| format!("{}: {e}", args.file))?;
        for notice in &report.notices {
            tell!("{notice}");
        }
        let _ = std::io::stdout().write_all(report.json.as_bytes());
        for problem in &report.problems {
            tell!("{problem}");
        }
        if report.problems.is_empty() {
            tell!("output: valid: check the lines above before publishing");
        } else {
            tell!(
            "output: {} problem(s) to fix before the app will read it (places are in the output; check again with: cargo run --bin check-data -- FILE)",
            report.problems.len()
        );
        }
        Ok(report.problems.is_empty())
    }

    pub fn main() -> ExitCode {
        if std::env::args().any(|a| a == "-h" || a == "--help") {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let args = match args() {
            Ok(args) => args,
            Err(message) => {
                tell!("error: {message}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match run(args) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(message) => {
                tell!("error: {message}");
                ExitCode::from(2)
            }
        }
    }
}
