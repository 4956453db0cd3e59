//! The words of reading the records tree (`load`, `model::records`): files that cannot be read
//! or parsed, names and links, the campaign schema's file, in Chinese and in English.

use crate::text::i18n::{Lang, system_zh};

/// A sentence about a file of the records tree, with its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileMsg {
    Syntax { detail: String },
    RootUnit,
    RootUnitHelp,
    NotUtf8,
    LooksLikeGbk,
    LooksLikeUtf16,
    SaveAsUtf8,
    TooLarge { size: u64 },
    TooLargeHelp,
    Unreadable { detail: String },
    SchemaMissing { path: String },
    SchemaOutsideRoot { path: String },
    SchemaDuplicate { id: String },
    SchemaUnusable,
    SchemaLink { path: String },
    SchemaNotFile { path: String },
    NotRegularFile,
    NotRegularFileHelp,
    NameNotUtf8 { folder: bool },
    NameNotUtf8Help { gbk: Option<String> },
    SymlinkSkipped,
    SymlinkHelp,
    Misnamed,
    MisnamedHelp { rename: String },
}

impl FileMsg {
    /// The sentence in `lang`, as the data gave it; [`Msg::text`](crate::text::i18n::Msg::text)
    /// writes out its control characters.
    pub(crate) fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match self {
            FileMsg::Syntax { detail } => match lang {
                Zh => format!("TOML 语法错误：{detail}"),
                En => format!("TOML syntax error: {detail}"),
            },
            FileMsg::RootUnit => match lang {
                Zh => "根目录中不能有 unit.toml：单位放在子文件夹中".into(),
                En => "a unit.toml at the root: units live in sub-folders".into(),
            },
            FileMsg::RootUnitHelp => match lang {
                Zh => "把它移到以单位命名的子文件夹中".into(),
                En => "move it into a sub-folder named after the unit".into(),
            },
            FileMsg::NotUtf8 => match lang {
                Zh => "文件不是 UTF-8 编码".into(),
                En => "the file is not UTF-8".into(),
            },
            FileMsg::LooksLikeGbk => match lang {
                Zh => {
                    "看起来是 GBK/GB18030 编码；用记事本或 WPS “另存为” UTF-8，或运行 `iconv -f GB18030 -t UTF-8`".into()
                }
                En => {
                    "it looks like GBK/GB18030; save it as UTF-8 (Notepad or WPS: Save As, UTF-8) or run `iconv -f GB18030 -t UTF-8`".into()
                },
            },
            FileMsg::LooksLikeUtf16 => match lang {
                Zh => {
                    "看起来是 UTF-16 编码；用记事本或 WPS “另存为” UTF-8".into()
                }
                En => {
                    "it looks like UTF-16; save it as UTF-8 (Notepad or WPS: Save As, UTF-8)".into()
                },
            },
            FileMsg::SaveAsUtf8 => match lang {
                Zh => "用 UTF-8 编码保存此文件".into(),
                En => "save the file as UTF-8".into(),
            },
            FileMsg::TooLarge { size } => match lang {
                Zh => {
                    format!("文件大小{size}字节，超过1 MiB的上限")
                }
                En => {
                    format!("the file is {size} bytes, over the limit of 1 MiB")
                },
            },
            FileMsg::TooLargeHelp => match lang {
                Zh => {
                    "台账文件应当短小：一个事项一个文件，长篇材料另存为佐证文件".into()
                }
                En => {
                    "record files are small: one item per file, long material in files of its own".into()
                },
            },
            FileMsg::Unreadable { detail } => match lang {
                Zh => format!("无法读取文件：{}", system_zh(detail)),
                En => format!("cannot read the file: {detail}"),
            },
            FileMsg::SchemaMissing { path } => match lang {
                Zh => format!("方案文件 \"{path}\" 不存在"),
                En => {
                    format!("the campaign schema file \"{path}\" does not exist")
                },
            },
            FileMsg::SchemaOutsideRoot { path } => match lang {
                Zh => {
                    format!("方案文件 \"{path}\" 不在根目录内")
                }
                En => {
                    format!("the campaign schema file \"{path}\" is outside the root")
                },
            },
            FileMsg::SchemaDuplicate { id } => match lang {
                Zh => format!("方案中 \"{id}\" 重复定义"),
                En => format!("\"{id}\" is defined twice in the schema"),
            },
            FileMsg::SchemaUnusable => match lang {
                Zh => {
                    "方案无效时，不检查各文件的内容方面、检查要点和自查说明".into()
                }
                En => {
                    "while the schema is invalid, areas, points and answers are not checked".into()
                },
            },
            FileMsg::SchemaLink { path } => match lang {
                Zh => {
                    format!("方案文件 \"{path}\" 经过符号链接，不读取")
                }
                En => {
                    format!("the campaign schema file \"{path}\" is reached through a symbolic link and is not read")
                },
            },
            FileMsg::SchemaNotFile { path } => match lang {
                Zh => format!("方案文件 \"{path}\" 不是普通文件"),
                En => {
                    format!("the campaign schema file \"{path}\" is not a regular file")
                },
            },
            FileMsg::NotRegularFile => match lang {
                Zh => {
                    "不是普通文件（符号链接、命名管道、设备等），未读取".into()
                }
                En => {
                    "not a regular file (a symbolic link, a named pipe, a device…); not read".into()
                },
            },
            FileMsg::NotRegularFileHelp => match lang {
                Zh => "台账中只放普通文件；链接换成文件本身".into(),
                En => {
                    "keep only regular files in the tree; put the file itself in place of a link".into()
                },
            },
            FileMsg::NameNotUtf8 { folder } => match lang {
                Zh => match folder {
                    true => {
                        "文件夹名不是 UTF-8 编码，其中的文件未检查".into()
                    },
                    false => "文件名不是 UTF-8 编码，未读取".into(),
                }
                En => match folder {
                    true => {
                        "the folder's name is not UTF-8; nothing in it is checked".into()
                    },
                    false => {
                        "the file's name is not UTF-8; the file is not read".into()
                    },
                },
            },
            FileMsg::NameNotUtf8Help { gbk } => match lang {
                Zh => match gbk {
                    Some(gbk) => {
                        format!("看起来是 GBK 编码的“{gbk}”；重命名为 UTF-8 的名称，如在台账根目录运行 `convmv -f GBK -t UTF-8 -r --notest .`")
                    },
                    None => "重命名为 UTF-8 的名称".into(),
                }
                En => match gbk {
                    Some(gbk) => {
                        format!("it looks like “{gbk}” in GBK; rename it in UTF-8, for example with `convmv -f GBK -t UTF-8 -r --notest .` at the root")
                    },
                    None => "rename it with a UTF-8 name".into(),
                },
            },
            FileMsg::SymlinkSkipped => match lang {
                Zh => "符号链接，已跳过（不读取根目录以外的内容）".into(),
                En => {
                    "symbolic link skipped (nothing outside the root is read)".into()
                },
            },
            FileMsg::SymlinkHelp => match lang {
                Zh => "把文件本身放进台账，而不是链接".into(),
                En => "put the file itself in the tree, not a link".into(),
            },
            FileMsg::Misnamed => match lang {
                Zh => {
                    "文件名不是 *.toml（扩展名须为小写的 .toml），未作为台账记录读取".into()
                }
                En => {
                    "the name is not *.toml (the extension must be .toml, in lower case), so the file is not read as a record".into()
                },
            },
            FileMsg::MisnamedHelp { rename } => match lang {
                Zh => format!("如果是台账记录，重命名为 {rename}"),
                En => format!("if it is a record, rename it to {rename}"),
            },
        }
    }
}
