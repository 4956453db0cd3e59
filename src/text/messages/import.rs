//! The words of `import` (`import`, `cmd::import`): a workbook that cannot be read, its sheet,
//! header and cells, the mapping file, and what an import writes, in Chinese and in English.

use crate::text::i18n::{Lang, Msg, names, parenthesised, series};
use crate::text::messages::fields::FieldMsg;

/// A sentence of `import`, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportMsg {
    ImportEncoding,
    ImportReaderFailed,
    ImportUnreadable {
        detail: String,
    },
    ImportUnreadableHelp,
    /// A line of a 进展情况 cell that does not start with a date (`line` counts from 1).
    ImportProgressLine {
        line: usize,
        text: String,
    },
    /// A line of a 进展情况 cell whose date is no day of the calendar.
    ImportProgressDay {
        line: usize,
        text: String,
    },
    ImportProgressHelp,
    ImportExtension,
    ImportNoSheet {
        sheet: String,
        sheets: Vec<String>,
    },
    ImportNoSheets,
    ImportNoHeader {
        row: usize,
    },
    ImportNoHeaderHelp,
    ImportColumnMissing {
        column: String,
    },
    ImportColumns {
        columns: Vec<String>,
    },
    ImportUnknownUnit {
        unit: String,
    },
    ImportUnknownUnitHelp,
    ImportUnitAmbiguous {
        orgs: Vec<String>,
    },
    ImportEmptyKey,
    ImportBadKey {
        key: String,
    },
    ImportBadKeyHelp,
    ImportDuplicateRow {
        id: String,
        first: String,
    },
    ImportDuplicateRowHelp,
    ImportCellTooLong {
        chars: usize,
    },
    ImportPartTooLarge {
        part: String,
    },
    ImportTooManyCells,
    ImportTooManyStrings,
    ImportBeyondSheet {
        cell: String,
    },
    ImportBinaryWorkbook,
    ImportLimitHelp,
    ImportKeyCase {
        id: String,
        other: String,
        first: String,
    },
    ImportKeyCaseHelp,
    ImportFormula {
        formula: String,
    },
    ImportFormulaHelp,
    ImportCellError {
        error: String,
    },
    ImportNotInMap {
        text: String,
        known: Vec<String>,
    },
    ImportNotNumber {
        text: String,
    },
    ImportNotBool {
        text: String,
    },
    ImportNotDate {
        text: String,
        formats: Vec<String>,
    },
    ImportNoSuchDay {
        text: String,
    },
    /// A mapping file that cannot be used; `detail` is one of the `Mapping*` messages.
    ImportMapping {
        path: String,
        detail: Box<Msg>,
    },
    // What is wrong with a mapping file (the detail of `ImportMapping`). `key` is the dotted
    // path of the key (`fields.title`, `when[1].matches`); the lists are names of the format.
    /// `suggestion` is the closest of `allowed`, if one is close.
    MappingUnknownKey {
        key: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    /// `suggestion` is the closest of `fields`, if one is close.
    MappingNotAField {
        key: String,
        suggestion: Option<String>,
        fields: Vec<String>,
    },
    MappingNotString {
        key: String,
    },
    MappingNotStrings {
        key: String,
    },
    MappingNotTable {
        key: String,
    },
    MappingNotRow {
        key: String,
    },
    MappingNoUnit,
    MappingUnitNeedsColumn,
    MappingNoKey,
    MappingWhenNotBlocks,
    MappingMissingKey {
        key: String,
    },
    /// `detail` is the regex crate's account of the pattern.
    MappingBadRegex {
        key: String,
        detail: String,
    },
    MappingNotSpec {
        key: String,
    },
    MappingNeedsColumn {
        key: String,
    },
    /// `detail` is the toml parser's; `line` counts from 1.
    MappingSyntax {
        line: usize,
        detail: String,
    },
    ImportSummary {
        rows: usize,
        create: usize,
        update: usize,
        unchanged: usize,
        exists: usize,
        errors: usize,
    },
    ImportNothingWritten,
    ImportKeptGoing {
        rows: usize,
    },
    ImportDryRun,
    ImportCreate {
        file: String,
        row: usize,
    },
    ImportUpdate {
        file: String,
        row: usize,
    },
    ImportUnchanged {
        file: String,
        row: usize,
    },
    ImportExists {
        file: String,
        row: usize,
    },
    ImportLinkInPath {
        path: String,
    },
}

impl ImportMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            ImportMsg::ImportEncoding => match lang {
                Zh => "无法读取表格：CSV 文件既不是 UTF-8 编码，也不是 GBK 编码".into(),
                En => "cannot read the spreadsheet: a CSV file in neither UTF-8 nor GBK".into(),
            },
            ImportMsg::ImportReaderFailed => match lang {
                Zh => "无法读取表格：读取程序在这个文件上出错（文件可能已损坏）".into(),
                En => "cannot read the spreadsheet: the reader failed on this file".into(),
            },
            ImportMsg::ImportUnreadable { detail } => match lang {
                // The reader's own words are English: said as what they are.
                Zh => format!("无法读取表格：内容不是可读的表格，或文件已损坏（读取程序报告：{detail}）"),
                En => format!("cannot read the spreadsheet: {detail}"),
            },
            ImportMsg::ImportUnreadableHelp => match lang {
                Zh => {
                    "可导入 .xlsx、.xls、.ods 和 .csv（UTF-8 或 GBK）文件；在 Excel 或 WPS 中打开并另存为 .xlsx 再试".into()
                }
                En => {
                    "import reads .xlsx, .xls, .ods and .csv (UTF-8 or GBK); open it in Excel or WPS and save it as .xlsx".into()
                },
            },
            ImportMsg::ImportProgressLine { line, text } => match lang {
                Zh => format!("进展情况第{line}行“{text}”没有日期"),
                En => format!("line {line} of the progress cell, \"{text}\", has no date"),
            },
            ImportMsg::ImportProgressDay { line, text } => match lang {
                Zh => format!("进展情况第{line}行的日期“{text}”不存在"),
                En => format!("line {line} of the progress cell: there is no such day as {text}"),
            },
            ImportMsg::ImportProgressHelp => match lang {
                Zh => "每条进展一行，以日期开头，如“2015-02-10 已完成制度初稿”；以空格开头的行接续上一条".into(),
                En => "one entry a line, starting with its date, like `2015-02-10 first draft done`; a line that starts with a space goes on with the entry above".into(),
            },
            ImportMsg::ImportExtension => match lang {
                Zh => "不是可导入的表格文件".into(),
                En => "not a spreadsheet file that import reads".into(),
            },
            ImportMsg::ImportNoSheet { sheet, sheets } => {
                let sheets = series(sheets, lang);
                match lang {
                    Zh => {
                        format!("没有名为“{sheet}”的工作表；有：{sheets}")
                    }
                    En => {
                        format!("no sheet named \"{sheet}\"; the sheets are: {sheets}")
                    },
                }
            }
            ImportMsg::ImportNoSheets => match lang {
                Zh => "工作簿中没有工作表".into(),
                En => "the workbook has no sheet".into(),
            },
            ImportMsg::ImportNoHeader { row } => match lang {
                Zh => format!("第{row}行（表头行）是空的"),
                En => format!("row {row}, the header row, is empty"),
            },
            ImportMsg::ImportNoHeaderHelp => match lang {
                Zh => {
                    "在映射文件的 [source] 中用 header_row 指明表头所在的行".into()
                }
                En => {
                    "give the row of the headers as `header_row` in the mapping's [source]".into()
                },
            },
            ImportMsg::ImportColumnMissing { column } => match lang {
                Zh => format!("表头行中没有“{column}”列"),
                En => {
                    format!("the header row has no column \"{column}\"")
                },
            },
            ImportMsg::ImportColumns { columns } => {
                let columns = series(columns, lang);
                match lang {
                    Zh => format!("表头行中的列：{columns}"),
                    En => format!("the columns of the header row: {columns}"),
                }
            }
            ImportMsg::ImportUnknownUnit { unit } => match lang {
                Zh => format!("“{unit}”不是台账中的单位"),
                En => {
                    format!("\"{unit}\" is not a unit of the records")
                },
            },
            ImportMsg::ImportUnknownUnitHelp => match lang {
                Zh => {
                    "写单位的路径、文件夹名或 unit.toml 中的 name，或在映射文件的 [unit] map 中写明对应关系".into()
                }
                En => {
                    "write the unit's org path, folder name or the name in its unit.toml, or map it in the mapping's [unit] map".into()
                },
            },
            ImportMsg::ImportUnitAmbiguous { orgs } => {
                let orgs = series(orgs, lang);
                match lang {
                    Zh => {
                        format!("有多个单位叫这个名称：{orgs}；在映射文件的 [unit] map 中写明是哪一个")
                    }
                    En => {
                        format!("several units have this name: {orgs}; say which in the mapping's [unit] map")
                    },
                }
            }
            ImportMsg::ImportEmptyKey => match lang {
                Zh => "键列是空的：无法确定事项编号".into(),
                En => "the key columns are empty: no id for the item".into(),
            },
            ImportMsg::ImportBadKey { key } => match lang {
                Zh => format!("键“{key}”不能用作文件名"),
                En => format!("the key \"{key}\" cannot be a file name"),
            },
            ImportMsg::ImportBadKeyHelp => match lang {
                Zh => {
                    "事项编号不能为空，不能含 / \\ : * ? \" < > | 或控制字符，不能以 . 开头，不能以 . 或空格结尾，不能是 CON、PRN、AUX、NUL、COM1—COM9、LPT1—LPT9 等 Windows 设备名，最多100个字符，文件名不超过255字节".into()
                }
                En => {
                    "an id is not empty, has no / \\ : * ? \" < > | or control character, does not start with a dot or end with a dot or a space, is no Windows device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9), and has at most 100 characters and a file name of at most 255 bytes".into()
                },
            },
            ImportMsg::ImportDuplicateRow { id, first } => match lang {
                Zh => {
                    format!("同一单位的“{id}”已在 {first} 出现过")
                }
                En => {
                    format!("\"{id}\" of the same unit already appears at {first}")
                },
            },
            ImportMsg::ImportDuplicateRowHelp => match lang {
                Zh => "每个事项只占一行；合并或删除重复的行，或改正序号".into(),
                En => {
                    "each item takes one row: merge or remove the repeated row, or correct its number".into()
                },
            },
            ImportMsg::ImportCellTooLong { chars } => match lang {
                Zh => {
                    format!("单元格有{chars}个字符，超过 Excel 单元格的上限 32767 个")
                }
                En => {
                    format!("the cell has {chars} characters, more than the 32,767 an Excel cell holds")
                },
            },
            ImportMsg::ImportPartTooLarge { part } => match lang {
                Zh => format!("表格中的 {part} 解压后超过1 GiB的上限"),
                En => format!("the part {part} of the workbook inflates to more than 1 GiB, the limit"),
            },
            ImportMsg::ImportTooManyCells => match lang {
                Zh => "表格的单元格超过10,000,000个的上限".into(),
                En => "the workbook has more than 10,000,000 cells, the limit".into(),
            },
            ImportMsg::ImportTooManyStrings => match lang {
                Zh => "表格的共享字符串超过10,000,000个的上限".into(),
                En => "the workbook has more than 10,000,000 shared strings, the limit".into(),
            },
            ImportMsg::ImportBeyondSheet { cell } => match lang {
                Zh => format!("单元格地址 {cell} 超出 Excel 工作表的范围（最大 XFD1048576，即1,048,576行、16,384列）"),
                En => format!("the cell address {cell} is beyond an Excel sheet (at most XFD1048576: 1,048,576 rows, 16,384 columns)"),
            },
            ImportMsg::ImportBinaryWorkbook => match lang {
                Zh => "不读取二进制工作簿（.xlsb）".into(),
                En => "a binary workbook (.xlsb) is not read".into(),
            },
            ImportMsg::ImportLimitHelp => match lang {
                Zh => "在 Excel 或 WPS 中删去多余的行、列和空白区域，另存为 .xlsx 再导入；或把台账拆成几个文件".into(),
                En => "delete the extra rows, columns and empty areas in Excel or WPS and save as .xlsx; or split the ledger into several files".into(),
            },
            ImportMsg::ImportKeyCase { id, other, first } => match lang {
                Zh => format!("键“{id}”与 {first} 的“{other}”只差大小写：在 Windows 和 macOS 上是同一个文件"),
                En => format!("the key \"{id}\" differs from \"{other}\" at {first} only by case: on Windows and macOS they are one file"),
            },
            ImportMsg::ImportKeyCaseHelp => match lang {
                Zh => "同一单位的事项编号不能只差大小写；改正其中一个".into(),
                En => "the ids of one unit must differ by more than case; correct one of them".into(),
            },
            ImportMsg::ImportFormula { formula } => match lang {
                Zh => format!("公式 {formula} 没有保存的计算结果"),
                En => {
                    format!("the formula {formula} has no saved result")
                },
            },
            ImportMsg::ImportFormulaHelp => match lang {
                Zh => {
                    "在 Excel 或 WPS 中打开并保存该文件，公式的结果才会保存在文件中".into()
                }
                En => {
                    "open the file in Excel or WPS and save it, so that the results are saved with it".into()
                },
            },
            ImportMsg::ImportCellError { error } => match lang {
                Zh => format!("单元格是错误值 {error}"),
                En => format!("the cell holds the error {error}"),
            },
            ImportMsg::ImportNotInMap { text, known } => match lang {
                Zh => format!("“{text}”不在此列的映射（map）中；映射中有：{}", known.join("、")),
                En => format!("\"{text}\" is not in the column's map; it maps {}", known.join(", ")),
            },
            ImportMsg::ImportNotNumber { text } => match lang {
                Zh => format!("“{text}”不是整数"),
                En => format!("\"{text}\" is not a whole number"),
            },
            ImportMsg::ImportNotBool { text } => match lang {
                Zh => format!("“{text}”不是“是”或“否”"),
                En => format!("\"{text}\" is not yes or no"),
            },
            ImportMsg::ImportNotDate { text, formats } => {
                let formats = formats.join("  ");
                match lang {
                    Zh => {
                        format!("“{text}”不是日期；可用的格式：{formats}")
                    }
                    En => {
                        format!("\"{text}\" is not a date; the formats read: {formats}")
                    },
                }
            }
            ImportMsg::ImportNoSuchDay { text } => match lang {
                Zh => format!("没有 {text} 这一天"),
                En => format!("there is no such day as {text}"),
            },
            ImportMsg::ImportMapping { path, detail } => {
                let detail = detail.sentence(lang);
                match lang {
                    Zh => format!("映射文件 {path} 无效：{detail}"),
                    En => {
                        format!("the mapping file {path} is not valid: {detail}")
                    },
                }
            }
            ImportMsg::MappingUnknownKey { key, suggestion, allowed } => {
                let hint = match suggestion {
                    Some(s) => Msg::DidYouMean { suggestion: s.clone() }.sentence(lang),
                    None => FieldMsg::KnownKeys { keys: allowed.clone() }.sentence(lang),
                };
                let hint = parenthesised(lang, &hint);
                match lang {
                    Zh => format!("未知的键 `{key}`{hint}"),
                    En => format!("unknown key `{key}`{hint}"),
                }
            }
            ImportMsg::MappingNotAField { key, suggestion, fields } => {
                let fields = names(fields);
                let hint = match (suggestion, lang) {
                    (Some(s), _) => Msg::DidYouMean { suggestion: s.clone() }.sentence(lang),
                    (None, Zh) => format!("事项的字段：{fields}"),
                    (None, En) => format!("the fields of an item: {fields}"),
                };
                let hint = parenthesised(lang, &hint);
                match lang {
                    Zh => format!("`{key}` 不是事项的字段{hint}"),
                    En => format!("`{key}` is not a field of an item{hint}"),
                }
            }
            ImportMsg::MappingNotString { key } => match lang {
                Zh => format!("`{key}` 应为字符串"),
                En => format!("`{key}` must be a string"),
            },
            ImportMsg::MappingNotStrings { key } => match lang {
                Zh => format!("`{key}` 应为字符串或字符串数组"),
                En => format!("`{key}` must be a string or an array of strings"),
            },
            ImportMsg::MappingNotTable { key } => match lang {
                Zh => format!("`{key}` 应为表"),
                En => format!("`{key}` must be a table"),
            },
            ImportMsg::MappingNotRow { key } => match lang {
                Zh => format!("`{key}` 应为行号，即不小于1的整数"),
                En => format!("`{key}` must be a row number, 1 or more"),
            },
            ImportMsg::MappingNoUnit => match lang {
                Zh => {
                    "缺少 `[unit]`：写明哪一列是各行的单位（`column = \"责任单位\"`），或写 `value = \"机构路径\"`".into()
                }
                En => {
                    "`[unit]` is missing: which column names the unit of a row (`column = \"责任单位\"`), or `value = \"org/path\"`".into()
                },
            },
            ImportMsg::MappingUnitNeedsColumn => match lang {
                Zh => "`[unit]` 中应写 `column`（各行单位所在的列）或 `value`".into(),
                En => "`[unit]` needs `column` (the column naming each row's unit) or `value`".into(),
            },
            ImportMsg::MappingNoKey => match lang {
                Zh => {
                    "缺少 `source.key`：每次导入时用来识别同一行的列（`key = [\"责任单位\", \"序号\"]`）".into()
                }
                En => {
                    "`source.key` is missing: the columns that identify a row across imports (`key = [\"责任单位\", \"序号\"]`)".into()
                },
            },
            ImportMsg::MappingWhenNotBlocks => match lang {
                Zh => "`when` 应写作 `[[when]]` 块".into(),
                En => "`when` must be `[[when]]` blocks".into(),
            },
            ImportMsg::MappingMissingKey { key } => match lang {
                Zh => format!("缺少 `{key}`"),
                En => format!("`{key}` is missing"),
            },
            ImportMsg::MappingBadRegex { key, detail } => match lang {
                Zh => format!("`{key}` 不是有效的正则表达式：{detail}"),
                En => {
                    format!("`{key}` is not a valid regular expression: {detail}")
                },
            },
            ImportMsg::MappingNotSpec { key } => match lang {
                Zh => {
                    format!("`{key}` 应为列名，或表 {{ column = \"…\" }}")
                }
                En => {
                    format!("`{key}` must be a column name or a table {{ column = \"…\" }}")
                },
            },
            ImportMsg::MappingNeedsColumn { key } => match lang {
                Zh => format!("`{key}` 中应写 `column` 或 `value`"),
                En => format!("`{key}` needs `column` or `value`"),
            },
            ImportMsg::MappingSyntax { line, detail } => match lang {
                Zh => format!("第{line}行 TOML 语法错误：{detail}"),
                En => format!("TOML syntax error at line {line}: {detail}"),
            },
            ImportMsg::ImportSummary { rows, create, update, unchanged, exists, errors } => match lang {
                Zh => {
                    format!("{rows}行：新建{create}个事项，更新{update}个，无变化{unchanged}个，已存在未改动{exists}个；{errors}个错误")
                }
                En => {
                    format!("{rows} rows: {create} items to create, {update} to update, {unchanged} unchanged, {exists} existing and left alone; {errors} errors")
                },
            },
            ImportMsg::ImportNothingWritten => match lang {
                Zh => "有错误，未写入任何文件".into(),
                En => "there are errors: nothing was written".into(),
            },
            ImportMsg::ImportKeptGoing { rows } => match lang {
                Zh => format!("有错误的{rows}行未导入"),
                En => format!("{rows} rows with errors were not imported"),
            },
            ImportMsg::ImportDryRun => match lang {
                Zh => "试运行（--dry-run）：未写入任何文件".into(),
                En => "dry run (--dry-run): nothing was written".into(),
            },
            ImportMsg::ImportCreate { file, row } => match lang {
                Zh => format!("新建 {file}（第{row}行）"),
                En => format!("create {file} (row {row})"),
            },
            ImportMsg::ImportUpdate { file, row } => match lang {
                Zh => format!("更新 {file}（第{row}行）"),
                En => format!("update {file} (row {row})"),
            },
            ImportMsg::ImportUnchanged { file, row } => match lang {
                Zh => format!("无变化 {file}（第{row}行）"),
                En => format!("unchanged {file} (row {row})"),
            },
            ImportMsg::ImportExists { file, row } => match lang {
                Zh => {
                    format!("已存在，未改动 {file}（第{row}行；用 --update 更新）")
                }
                En => {
                    format!("exists, left alone {file} (row {row}; --update updates it)")
                },
            },
            ImportMsg::ImportLinkInPath { path } => match lang {
                Zh => format!("{path} 经过符号链接，不写入"),
                En => {
                    format!("{path} goes through a symbolic link: not written")
                },
            },
        }
    }
}
