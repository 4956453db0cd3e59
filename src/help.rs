//! `--help` and usage errors in the user's language (SPEC §8: `--lang`, else `HUITOUKAN_LANG`,
//! else Chinese).
//!
//! The English help is the doc comments of `cli.rs`, as clap derives it. The Chinese help is
//! one table here, [`ZH`], keyed by the command's path and the argument's id, applied to the
//! derived [`clap::Command`] before parsing. One table beside the derive, rather than a second
//! set of doc strings or a translation macro, because the derive stays the one declaration of
//! what the command line accepts, and a test ([`tests::every_command_and_argument_has_chinese_help`])
//! fails with the missing keys when an argument is added without its Chinese line.
//!
//! In Chinese, clap's own English words go too: the headings (用法, 命令, 参数, 选项), the
//! built-in `--help`, `--version` and `help`, and the `[default: …]` and `[possible values: …]`
//! notes (each Chinese line names its values and default itself); usage errors are written
//! here from clap's error kind and context ([`error`]).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory};

use crate::cli::Cli;
use crate::text::i18n::Lang;

/// `(path, text)`: `""` is the program, `"report"` a command, `"report format"` an argument of
/// it (by its id), `"new unit path"` an argument of a nested command.
pub const ZH: &[(&str, &str)] = &[
    ("", "回头看：整改落实台账的检查与汇总"),
    (
        "lang",
        "消息和帮助的语言：zh（默认）或 en；未指定时看环境变量 HUITOUKAN_LANG",
    ),
    ("check", "检查台账：逐个文件核对字段、状态、时限和报送情况"),
    (
        "check path",
        "只显示台账中此文件夹下的诊断（默认：当前文件夹）；向上查找台账根目录，检查整个台账",
    ),
    (
        "check root",
        "DIR 所在的整个台账（默认：当前文件夹所在的台账，同 PATH）",
    ),
    (
        "check as_of",
        "判断时限所用的截至日期，年-月-日（默认：今天）",
    ),
    (
        "check format",
        "诊断信息的格式：human（默认，给人看，输出到标准错误）、json、github（GitHub Actions 注释）、gitlab（GitLab 代码质量报告）",
    ),
    ("check deny_warnings", "有警告也判为不通过（退出码1）"),
    (
        "check since",
        "另查自 REV（提交、标签、HEAD~3 或 @日期）以来的反弹回潮：状态倒退、时限推迟、未完成的事项被删、佐证材料被删",
    ),
    (
        "check only_changed",
        "只显示自 --since REV 以来改动过的文件的诊断（用于合并请求）；各项规则仍对整个台账检查",
    ),
    ("report", "汇总报告：按机构层级汇总整改落实情况"),
    (
        "report path",
        "汇总台账中的此文件夹（默认：当前文件夹）；向上查找台账根目录",
    ),
    (
        "report root",
        "汇总 DIR 所在的整个台账（默认：当前文件夹所在的台账，同 PATH）",
    ),
    (
        "report org",
        "只汇总此机构：机构路径（如 省直/省直机关工委），或台账中唯一的文件夹名",
    ),
    (
        "report as_of",
        "判断时限所用的截至日期，年-月-日（默认：今天）",
    ),
    (
        "report format",
        "报告格式（默认：按 --output 的扩展名，否则 table）：table（终端表格）、md（Markdown 文档）、csv（供 Excel、WPS 打开）、json、html（一个文件，可在屏幕上阅读，也可用 A4 纸打印）、xlsx（Excel 工作簿，须用 --output 或重定向）、docx（情况报告，GB/T 9704 公文格式的 Word 文档，附件为横排表格，须用 --output 或重定向）",
    ),
    (
        "report by",
        "table 和 csv 每行代表什么：org（机构）、unit（单位）、item（事项）、area（方面）、lead（牵头班子成员，责任清单）、task（专项整治任务）；默认 table 为 org，csv 为 item",
    ),
    (
        "report wide",
        "在终端上列出表格的全部列，无论终端多窄（默认：终端放不下时只列出主要数字）",
    ),
    (
        "report public",
        "公示版本：不列入不宜公开的事项，不显示任何人的姓名",
    ),
    (
        "report keep_going",
        "台账有错误时，仍汇总没有错误的文件，并在报告中列出未纳入的文件",
    ),
    (
        "report output",
        "把报告写入 FILE（`-` 为标准输出）：可以写在台账目录内，但不能写成台账要读的文件（.toml、自查报告、隐藏文件），也不经链接写入；已有的文件不覆盖，除非加 --force",
    ),
    (
        "report force",
        "--output 的文件已存在时替换它（原子替换，只替换普通文件）",
    ),
    (
        "report at",
        "按 REV（提交、标签、HEAD~3 或 @日期）时的台账汇总，直接从 git 读取，不检出；截至日期默认为该提交的日期",
    ),
    (
        "report from",
        "改为按保存的报告（report --format json 的输出）生成，不读台账；多个则合并，同 merge",
    ),
    (
        "merge",
        "合并报告：把各地报送的报告 JSON 汇总为一份，可再次合并",
    ),
    (
        "merge inputs",
        "保存的报告：各台账 report --format json 的输出，或合并后的报告",
    ),
    (
        "merge name",
        "合并后整体的名称（其 campaign.region），如 全国",
    ),
    (
        "merge allow_mixed_dates",
        "允许合并截至日期不同的报告（合并后的截至日期取最晚的）",
    ),
    (
        "merge output",
        "把合并后的报告写入 FILE（`-` 为标准输出）；已有的文件不覆盖，除非加 --force",
    ),
    (
        "merge force",
        "--output 的文件已存在时替换它（原子替换，只替换普通文件）",
    ),
    (
        "import",
        "导入台账：把 Excel、WPS 或 CSV 的整改台账写成整改事项文件",
    ),
    (
        "import file",
        "表格文件：.xlsx、.xls、.ods 或 .csv（UTF-8 或 GBK）",
    ),
    (
        "import mapping",
        "哪一列对应哪个字段（TOML 文件；默认：report --format xlsx 写出的整改事项清单）",
    ),
    (
        "import root",
        "导入到的台账根目录（默认：当前文件夹所在的台账）",
    ),
    (
        "import as_of",
        "规则判断所用的截至日期，年-月-日（默认：今天）",
    ),
    (
        "import dry_run",
        "不写入，只列出将新建、更新和保持不变的事项",
    ),
    (
        "import keep_going",
        "有错误的行不导入，其余照常写入，并列出未导入的行",
    ),
    (
        "import update",
        "已有的事项只更新映射到的字段，保留其注释和其他字段",
    ),
    ("diff", "对比变化：两个版本之间，或某个版本与工作区之间"),
    (
        "diff from",
        "较早的一端（默认：HEAD）：提交、标签、HEAD~3 或 @日期",
    ),
    ("diff to", "较新的一端（默认：工作区）"),
    ("diff root", "DIR 所在的台账（默认：当前文件夹所在的台账）"),
    (
        "diff as_of",
        "两端汇总所用的截至日期（默认：各提交的日期；工作区为今天）",
    ),
    ("diff format", "输出格式：table（默认，终端表格）、md、json"),
    (
        "diff keep_going",
        "台账有错误时，仍对比没有错误的文件，其余不计",
    ),
    ("trend", "整改进展趋势：按历史记录，每月或每周末的汇总"),
    (
        "trend every",
        "每行一个时段末：month（月，默认）或 week（周）",
    ),
    ("trend from", "起始日期（默认：第一个提交的日期）"),
    ("trend to", "结束日期（默认：今天）"),
    ("trend root", "DIR 所在的台账（默认：当前文件夹所在的台账）"),
    (
        "trend format",
        "输出格式：table（默认，终端表格）、md、csv、json、html（折线图和表格，可打印为A4）",
    ),
    (
        "trend keep_going",
        "某个版本有错误时，仍汇总没有错误的文件，其余不计",
    ),
    ("init", "新建台账：带注释的示例单位和整改事项"),
    (
        "init dir",
        "新建台账的文件夹（默认：当前文件夹；不存在则新建）",
    ),
    ("new", "新建单位或整改事项（带注释的模板）"),
    ("new unit", "新建单位：PATH/unit.toml"),
    ("new unit path", "单位在台账中的文件夹，如 省直/省财政厅"),
    ("new item", "新建整改事项：UNIT_DIR/items/NAME.toml"),
    ("new item unit_dir", "单位的文件夹（有 unit.toml 的那个）"),
    (
        "new item name",
        "文件名，不含 .toml（默认：下一个未用的编号，如 003）",
    ),
    (
        "schema",
        "检查要点：各方面及其检查要点；或供编辑器使用的 JSON Schema",
    ),
    (
        "schema json_schema",
        "改为输出一种文件的 JSON Schema（draft-07）：unit、item 或 campaign",
    ),
    ("explain", "代码说明：一个诊断代码的含义、示例和改法"),
    ("explain code", "代码，如 E010 或 W001"),
    ("completions", "命令行补全脚本，输出到标准输出"),
    (
        "completions shell",
        "shell：bash、elvish、fish、powershell 或 zsh",
    ),
    (
        "man",
        "手册页（roff），输出到标准输出；或把每个命令的手册页写入文件夹",
    ),
    (
        "man dir",
        "改为把每个命令一页（huitoukan.1、huitoukan-check.1 …）写入 DIR；已有的手册页不覆盖",
    ),
];

const HELP_FLAG: &str = "显示帮助";
const VERSION_FLAG: &str = "显示版本";
const HELP_COMMAND: &str = "显示本帮助，或某个命令的帮助";
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}\n";

/// The language of help and usage errors, read before the command line is parsed: `--lang X`
/// or `--lang=X` where given and known, else `HUITOUKAN_LANG`, else Chinese.
pub fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let mut given = None;
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            given = iter.next().and_then(|v| Lang::parse(&v)).or(given);
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            given = Lang::parse(value).or(given);
        }
    }
    given
        .or_else(|| {
            std::env::var("HUITOUKAN_LANG")
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

/// The command line in `lang`: the derived one for English, the [`ZH`] one for Chinese.
pub fn command(lang: Lang) -> Command {
    localize(Cli::command(), lang)
}

/// `cmd` (the derived command line, perhaps adjusted) with its help in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            let mut cmd = cmd;
            cmd.build();
            chinese(cmd, "")
        }
    }
}

fn zh(key: &str) -> Option<&'static str> {
    ZH.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn key(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

/// `cmd` (built, so clap's own `--help`, `--version` and `help` are there) with its texts
/// from [`ZH`], and every command below it.
fn chinese(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = zh(path) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for (order, id) in ids.into_iter().enumerate() {
        let text = match id.as_str() {
            "help" => Some(HELP_FLAG),
            "version" => Some(VERSION_FLAG),
            _ => zh(&key(path, &id)).or_else(|| zh(&id)),
        };
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            // A heading of its own would list the arguments by name; keep the order of
            // the derive, where `new item UNIT_DIR [NAME]` comes in the order it is typed.
            let a = a
                .help_heading(heading)
                .display_order(order)
                .hide_possible_values(true)
                .hide_default_value(true);
            match text {
                Some(text) => a.help(text).long_help(None),
                None => a,
            }
        });
    }
    cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令");
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        // clap's `help` command holds a copy of each command (for `help check`), described as
        // the command itself is.
        let below = if path == "help" {
            name.clone()
        } else {
            key(path, &name)
        };
        cmd = cmd.mut_subcommand(&name, |s| {
            let s = if name == "help" && zh(&below).is_none() {
                s.about(HELP_COMMAND)
            } else {
                s
            };
            chinese(s, &below)
        });
    }
    cmd
}

/// Help as clap renders it, in Chinese with Chinese punctuation: clap closes each heading with
/// an ASCII colon, which the Chinese text around it never uses. `None` in English, or for
/// what is not help.
pub fn help_text(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En
        || !matches!(
            e.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let mut text = e.render().ansi().to_string();
    for heading in ["参数", "选项", "命令"] {
        text = text.replace(&format!("{heading}:"), &format!("{heading}："));
    }
    Some(text)
}

/// A usage error as the user reads it in `lang`; `None` for what clap prints as it is (help,
/// version) or in English.
pub fn error(e: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut m = format!("参数 {arg} 的值 \"{value}\" 无效");
            if let Some(valid) = text(ContextKind::ValidValue) {
                m.push_str(&format!("；可选：{valid}"));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let why = if arg.contains("DATE") {
                "日期写作 年-月-日，如 2015-03-10".to_owned()
            } else if arg.contains("lang") {
                "可选：zh、en".to_owned()
            } else {
                text(ContextKind::Custom).unwrap_or_default()
            };
            format!("参数 {arg} 的值 \"{value}\" 无效：{why}")
        }
        ErrorKind::UnknownArgument => format!("无法识别的参数 \"{arg}\""),
        ErrorKind::InvalidSubcommand => {
            let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("没有命令 \"{name}\"")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_owned(),
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            format!("参数 {arg} 不能与 {other} 同时使用")
        }
        ErrorKind::NoEquals => format!("参数 {arg} 的值须用 = 连接"),
        ErrorKind::TooManyValues => format!("参数 {arg} 的值 \"{value}\" 多余"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {arg} 的值个数不对")
        }
        _ => {
            // A kind this table does not word: clap's sentence, without its own prefix.
            let plain = e.render().to_string();
            let first = plain.lines().next().unwrap_or_default();
            format!(
                "命令行有误：{}",
                first.trim_start_matches("error: ").trim_end()
            )
        }
    };
    let suggested: Vec<String> = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        Some(ContextValue::Strings(v)) => Some(v.clone()),
        _ => None,
    })
    .unwrap_or_default();
    if !suggested.is_empty() {
        let quoted: Vec<String> = suggested.iter().map(|s| format!("\"{s}\"")).collect();
        message.push_str(&format!("；是否想写 {}？", quoted.join(" 或 ")));
    }
    let mut out = format!("error: {message}\n");
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage
            .trim_start_matches("Usage:")
            .trim_start_matches("用法：");
        out.push_str(&format!("\n用法：{}\n", usage.trim()));
    }
    out.push_str("\n查看帮助：加 --help\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_owned());
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id != "help" && id != "version" {
                out.push(key(path, id));
            }
        }
        for s in cmd.get_subcommands() {
            keys(s, &key(path, s.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let mut wanted = Vec::new();
        keys(&Cli::command(), "", &mut wanted);
        let missing: Vec<&String> = wanted.iter().filter(|k| zh(k).is_none()).collect();
        assert!(
            missing.is_empty(),
            "add the Chinese help of these to help::ZH: {missing:?}"
        );
        let stale: Vec<&str> = ZH
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !wanted.iter().any(|w| w == k))
            .collect();
        assert!(
            stale.is_empty(),
            "help::ZH names what the command line has not: {stale:?}"
        );
    }

    #[test]
    fn chinese_help_names_every_value_it_hides() {
        let cmd = Cli::command();
        let mut missing = Vec::new();
        for sub in cmd.get_subcommands() {
            for a in sub.get_arguments() {
                let Some(text) = zh(&key(sub.get_name(), a.get_id().as_str())) else {
                    continue;
                };
                if !a.get_action().takes_values() {
                    continue;
                }
                for v in a.get_possible_values() {
                    if !v.is_hide_set() && !text.contains(v.get_name()) {
                        missing.push(format!(
                            "{} {}: {}",
                            sub.get_name(),
                            a.get_id(),
                            v.get_name()
                        ));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "values the Chinese help does not name: {missing:?}"
        );
    }

    #[test]
    fn lang_is_read_from_the_command_line_then_the_environment() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_of(&args(&["huitoukan", "--lang", "en", "check"])),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["huitoukan", "check", "--lang=zh"])),
            Lang::Zh
        );
    }
}
