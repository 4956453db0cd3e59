//! The 整改台账 of examples/import/, as a county office keeps it in Excel: a merged title row,
//! the office and date on row 2, the headers on row 3; measures with line breaks in the cell;
//! 整改时限 written as 2015年2月28日 text in some rows and as Excel dates in others; 整改进展
//! as 已整改/整改中; a 备注 column with 已销号. The same bytes every run (a fixed creation time).
//!
//! cargo run --example import_ledger -- examples/import/台账.xlsx

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

/// A cell of the ledger: text, or an Excel date.
enum Cell {
    Text(&'static str),
    Date(u16, u8, u8),
    Empty,
}

use Cell::{Date, Empty, Text};

const HEADERS: [&str; 11] = [
    "序号",
    "存在问题",
    "整改措施",
    "责任领导",
    "责任单位",
    "整改时限",
    "完成时间",
    "整改进展",
    "佐证材料",
    "所属方面",
    "备注",
];

const ROWS: [[Cell; 11]; 6] = [
    [
        Text("1"),
        Text("会议多、文件多，文山会海有所反弹"),
        Text("严格会议计划管理，全市性会议报市委审定\n推行视频会议\n精简文件，能合并的合并"),
        Text("副书记 李某某"),
        Text("市委办"),
        Text("2015年2月28日"),
        Empty,
        Text("整改中"),
        Empty,
        Text("兑现承诺"),
        Empty,
    ],
    [
        Text("2"),
        Text("公务接待超标准、超范围"),
        Text("制定公务接待管理办法\n每月公示接待费用"),
        Text("常务副市长 王某某"),
        Text("市财政局"),
        Date(2015, 1, 31),
        Date(2015, 1, 25),
        Text("已整改"),
        Text("公务接待管理办法（余财〔2015〕3号）"),
        Text("兑现承诺"),
        Text("已销号"),
    ],
    [
        Text("3"),
        Text("村级财务公开不及时"),
        Text("每季度公开一次\n在村部设立公开栏"),
        Text("镇党委书记 赵某某"),
        Text("梁弄镇"),
        Date(2015, 3, 31),
        Empty,
        Text("整改中"),
        Empty,
        Text("抓基层"),
        Empty,
    ],
    [
        Text("4"),
        Text("干部作风考核办法不健全"),
        Text("修订干部作风考核办法"),
        Text("组织部长 孙某某"),
        Text("市委办"),
        Text("2015.6.30"),
        Empty,
        Text("整改中"),
        Empty,
        Text("长效机制"),
        Empty,
    ],
    [
        Text("5"),
        Text("联系群众制度落实不到位"),
        Text("建立干部联系村（社区）制度\n每月下访一次"),
        Text("副书记 李某某"),
        Text("梁弄镇"),
        Text("2015年1月31日"),
        Text("2015年1月28日"),
        Text("整改中"),
        Text("联系制度文件、下访记录"),
        Text("责任落实"),
        Text("已销号"),
    ],
    [
        Text("6"),
        Text("学习教育流于形式"),
        Text("制定中心组学习计划\n每月专题学习一次"),
        Text("副书记 李某某"),
        Text("市委办"),
        Date(2015, 4, 30),
        Empty,
        Text("整改中"),
        Empty,
        Text("学习贯彻"),
        Empty,
    ],
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: import_ledger OUT.xlsx")?;
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2015, 2, 10)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let date = cell.clone().set_num_format("yyyy\"年\"m\"月\"d\"日\"");

    let ws = book.add_worksheet();
    ws.set_name("整改台账")?;
    ws.merge_range(0, 0, 0, 10, "余姚市教育实践活动整改落实情况台账", &title)?;
    ws.merge_range(
        1,
        0,
        1,
        10,
        "填报单位：中共余姚市委整改办（盖章）        填报日期：2015年2月10日",
        &Format::new(),
    )?;
    for (col, text) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(2, col as u16, *text, &header)?;
    }
    for (r, row) in ROWS.iter().enumerate() {
        let r = r as u32 + 3;
        for (col, value) in row.iter().enumerate() {
            let col = col as u16;
            match value {
                Text(text) => {
                    ws.write_string_with_format(r, col, *text, &cell)?;
                }
                Date(y, m, d) => {
                    ws.write_datetime_with_format(
                        r,
                        col,
                        ExcelDateTime::from_ymd(*y, *m, *d)?,
                        &date,
                    )?;
                }
                Empty => {
                    ws.write_blank(r, col, &cell)?;
                }
            }
        }
    }
    for (col, width) in [6, 30, 40, 18, 10, 16, 16, 10, 30, 10, 8]
        .iter()
        .enumerate()
    {
        ws.set_column_width(col as u16, *width)?;
    }
    book.save(out)?;
    Ok(())
}
