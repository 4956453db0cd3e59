//! Where a diagnostic is. A diagnostic of the records is [`InFile`]: a file of the tree and a
//! byte range in it, kept as bytes until it is rendered (the renderer shows the line). One of
//! an import is a [`Place`]: a spreadsheet, its sheet, a row or a cell of it, which have no
//! source text to show; or a file of the tree by its path and line, for an error the import
//! would cause there. Both are shown by the same renderers, a `Place` as its one line of text
//! (`台账.xlsx!整改台账!F12`).

use std::fmt;
use std::ops::Range;

use crate::diagnostic::span::FileId;

/// A file of the records, and the byte range in it (`None`: the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InFile {
    pub file: FileId,
    pub span: Option<Range<usize>>,
}

/// A place outside the text of the records. Rows and columns are 0-based; ordered as a reader
/// goes through a sheet: the sheet's own problems first, then row by row (a row's own before
/// those of its cells, the cells from left to right).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The spreadsheet as a whole: `台账.xlsx`.
    Workbook { file: String },
    /// A sheet of it: `台账.xlsx!整改台账`.
    Sheet { file: String, sheet: String },
    /// A row: `台账.xlsx!整改台账!3:3`.
    Row {
        file: String,
        sheet: String,
        row: usize,
    },
    /// A cell: `台账.xlsx!整改台账!C3`.
    Cell {
        file: String,
        sheet: String,
        row: usize,
        col: usize,
    },
    /// A file of the tree (relative to its root), at a line or as a whole: `省直/unit.toml:5`.
    Tree { path: String, line: Option<usize> },
}

impl Place {
    /// The 0-based row of the sheet it is in, if it is in one.
    pub fn row(&self) -> Option<usize> {
        match self {
            Place::Row { row, .. } | Place::Cell { row, .. } => Some(*row),
            Place::Workbook { .. } | Place::Sheet { .. } | Place::Tree { .. } => None,
        }
    }
}

/// The place as Excel names a range of another workbook (`file!sheet!cell`), or a path and
/// its line as `check` does: not escaped (a renderer escapes what it shows).
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Workbook { file } => write!(f, "{file}"),
            Place::Sheet { file, sheet } => write!(f, "{file}!{sheet}"),
            Place::Row { file, sheet, row } => write!(f, "{file}!{sheet}!{}:{}", row + 1, row + 1),
            Place::Cell {
                file,
                sheet,
                row,
                col,
            } => write!(f, "{file}!{sheet}!{}", cell_name(*row, *col)),
            Place::Tree { path, line: None } => write!(f, "{path}"),
            Place::Tree {
                path,
                line: Some(line),
            } => write!(f, "{path}:{line}"),
        }
    }
}

/// The A1 name of a cell: row and column 0-based.
pub fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_excel_names_them_and_sort_as_a_sheet_is_read() {
        let (file, sheet) = ("台账.xlsx".to_owned(), "整改台账".to_owned());
        let cell = |row, col| Place::Cell {
            file: file.clone(),
            sheet: sheet.clone(),
            row,
            col,
        };
        let row = Place::Row {
            file: file.clone(),
            sheet: sheet.clone(),
            row: 2,
        };
        assert_eq!(cell(11, 5).to_string(), "台账.xlsx!整改台账!F12");
        assert_eq!(cell(0, 26).to_string(), "台账.xlsx!整改台账!AA1");
        assert_eq!(row.to_string(), "台账.xlsx!整改台账!3:3");
        let tree = |line| Place::Tree {
            path: "省直/unit.toml".to_owned(),
            line,
        };
        assert_eq!(tree(None).to_string(), "省直/unit.toml");
        assert_eq!(tree(Some(5)).to_string(), "省直/unit.toml:5");
        let mut places = [cell(2, 26), tree(Some(10)), cell(2, 1), tree(Some(9)), row];
        places.sort();
        assert_eq!(
            places.iter().map(Place::to_string).collect::<Vec<_>>(),
            [
                "台账.xlsx!整改台账!3:3",
                "台账.xlsx!整改台账!B3",
                "台账.xlsx!整改台账!AA3",
                "省直/unit.toml:9",
                "省直/unit.toml:10",
            ]
        );
        assert_eq!(cell(2, 1).row(), Some(2));
        assert_eq!(tree(None).row(), None);
    }
}
