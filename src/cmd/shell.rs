//! `huitoukan completions` and `huitoukan man`: generated from the command line's definition.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::diagnostic::outcome::{EXIT_FATAL, EXIT_OK, EXIT_RECORDS, Fatal};
use crate::settings::output::{write_new_file, write_stream};
use crate::text::i18n::{Lang, Msg};
use crate::text::messages::commands::CommandMsg;

/// `huitoukan completions SHELL`: the script, with the descriptions of the commands and options
/// in the language of the run, as `--help` gives them (shells that show none, like bash, get
/// the same script either way).
pub fn completions(args: &CompletionsArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    let mut out = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut crate::help::command(lang),
        "huitoukan",
        &mut out,
    );
    write_stream(&mut std::io::stdout(), &String::from_utf8_lossy(&out))?;
    Ok(ExitCode::from(EXIT_OK))
}

/// `huitoukan man`: the main page on standard output; with `--dir`, every page into a folder
/// (checked first, so a refusal writes nothing).
pub fn man(args: &ManArgs, lang: Lang) -> Result<ExitCode, Fatal> {
    // The pages in the language of the messages, as `--help` is.
    let mut cli = crate::help::localize(Cli::command().disable_help_subcommand(true), lang);
    cli.build();
    let Some(dir) = &args.dir else {
        let text = page(&cli, Page::Main, lang)?;
        write_stream(&mut std::io::stdout(), &text)?;
        return Ok(ExitCode::from(EXIT_OK));
    };
    let mut pages = vec![(cli.clone(), Page::Main)];
    for sub in cli.get_subcommands().filter(|s| !s.is_hide_set()) {
        let kind = match sub.get_name() {
            "check" => Page::Check,
            "report" | "diff" | "trend" => Page::Report,
            "import" => Page::Import,
            _ => Page::Other,
        };
        pages.push((sub.clone(), kind));
        pages.extend(
            sub.get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| (s.clone(), Page::Other)),
        );
    }
    let pages: Vec<(std::path::PathBuf, String)> = pages
        .iter()
        .map(|(cmd, kind)| {
            let name = clap_mangen::Man::new(cmd.clone()).get_filename();
            Ok((dir.join(name), page(cmd, *kind, lang)?))
        })
        .collect::<Result<_, Fatal>>()?;
    if let Some((path, _)) = pages.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
        return Err(Fatal {
            message: CommandMsg::ManPageExists {
                path: path.display().to_string(),
            }
            .into(),
            help: Some(
                CommandMsg::ManPageExistsHelp {
                    dir: dir.display().to_string(),
                }
                .into(),
            ),
        });
    }
    std::fs::create_dir_all(dir).map_err(|e| Msg::Io {
        path: dir.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut said = String::new();
    for (path, text) in &pages {
        write_new_file(path, |out| out.write_all(text.as_bytes()))?;
        said.push_str(
            &(CommandMsg::Created {
                path: path.display().to_string(),
            }
            .text(lang)
                + "\n"),
        );
    }
    write_stream(&mut std::io::stdout(), &said)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// Which exit codes a page lists.
#[derive(Clone, Copy)]
enum Page {
    Main,
    Check,
    Report,
    Import,
    Other,
}

/// One page: clap_mangen's, with an EXIT STATUS section before its VERSION.
fn page(cmd: &clap::Command, kind: Page, lang: Lang) -> Result<String, Fatal> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .source(format!("huitoukan {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .map_err(|e| Msg::Io {
            path: "<man>".into(),
            detail: e.to_string(),
        })?;
    let text = localize_headings(&String::from_utf8_lossy(&out), lang);
    let (ok, records) = match kind {
        Page::Main => (CommandMsg::ManExitOk, Some(CommandMsg::ManExitRecords)),
        Page::Check => (CommandMsg::ManExitCheckOk, Some(CommandMsg::ManExitCheck)),
        Page::Report => (CommandMsg::ManExitOk, Some(CommandMsg::ManExitReport)),
        Page::Import => (CommandMsg::ManExitOk, Some(CommandMsg::ManExitImport)),
        Page::Other => (CommandMsg::ManExitOk, None),
    };
    let mut section = format!(".SH {}\n", heading("\"EXIT STATUS\"", lang));
    let codes = [
        (EXIT_OK, Some(ok)),
        (EXIT_RECORDS, records),
        (EXIT_FATAL, Some(CommandMsg::ManExitFatal)),
    ];
    for (code, msg) in codes {
        if let Some(msg) = msg {
            section.push_str(&format!(".TP\n{code}\n{}\n", roff_text(&msg.text(lang))));
        }
    }
    Ok(
        match text.find(&format!(".SH {}\n", heading("VERSION", lang))) {
            Some(at) => format!("{}{section}{}", &text[..at], &text[at..]),
            None => text + &section,
        },
    )
}

/// The section headings clap_mangen writes (and ours), in Chinese.
const HEADINGS: &[(&str, &str)] = &[
    ("NAME", "名称"),
    ("SYNOPSIS", "概要"),
    ("DESCRIPTION", "描述"),
    ("OPTIONS", "选项"),
    ("SUBCOMMANDS", "子命令"),
    ("\"EXIT STATUS\"", "退出状态"),
    ("EXTRA", "其他"),
    ("VERSION", "版本"),
    ("AUTHORS", "作者"),
];

/// A section heading (as written after `.SH`) in `lang`.
fn heading(en: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => en,
        Lang::Zh => HEADINGS
            .iter()
            .find(|(from, _)| *from == en)
            .map_or(en, |(_, zh)| zh),
    }
}

/// clap_mangen's page with its `.SH` headings in `lang` (clap_mangen writes them in English;
/// a text line never starts with `.SH`, since roff would read it as a request).
fn localize_headings(page: &str, lang: Lang) -> String {
    page.split_inclusive('\n')
        .map(|line| match line.strip_prefix(".SH ") {
            Some(rest) => {
                let (name, end) = match rest.strip_suffix('\n') {
                    Some(name) => (name, "\n"),
                    None => (rest, ""),
                };
                format!(".SH {}{end}", heading(name, lang))
            }
            None => line.to_owned(),
        })
        .collect()
}

/// Text as a roff line: backslashes doubled, hyphens as `\-`, and no line starting with a
/// control character.
fn roff_text(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('-', "\\-");
    if text.starts_with(['.', '\'']) {
        format!("\\&{text}")
    } else {
        text
    }
}
