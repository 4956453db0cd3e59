//! A province-sized records tree for benchmarks: 11 cities with their counties, townships,
//! villages and communities, and the three 省直 工委 with their departments. Deterministic for
//! a given seed; valid at `--as-of 2015-03-10` (warnings, no errors); uses every field and state.
//!
//! cargo run --release --example gen_province -- OUT [--scale N] [--seed N]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Parser;
use jiff::ToSpan;
use jiff::civil::{Date, date};

#[derive(Parser)]
struct Args {
    /// The folder to create (must not exist or be empty)
    out: PathBuf,
    /// Multiplies the number of cities and departments
    #[arg(long, default_value_t = 1)]
    scale: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

const CITIES: [&str; 11] = [
    "杭州市",
    "宁波市",
    "温州市",
    "嘉兴市",
    "湖州市",
    "绍兴市",
    "金华市",
    "衢州市",
    "舟山市",
    "台州市",
    "丽水市",
];
const COMMITTEES: [&str; 3] = ["省直机关工委", "省委教育工委", "省国资委党委"];
const PROBLEMS: [&str; 12] = [
    "文山会海问题有所反弹",
    "公务接待超标准、陪餐人数多",
    "窗口服务“门难进、脸难看”",
    "村务、财务公开不及时",
    "“三会一课”记录不全、流于形式",
    "办事环节多、时限长，群众来回跑",
    "评比达标表彰过多过滥",
    "领导干部办公用房超标",
    "专项资金下拨慢、“撒胡椒面”",
    "联系群众走访后诉求回应不及时",
    "制度建设“计划书”未按期落实",
    "基层台账资料偏多",
];
const MEASURES: [&str; 6] = [
    "建立台账，逐项销号",
    "实行会议计划管理，严控发文数量",
    "每月通报进展，纳入年度考核",
    "开展专项检查，发现问题立即整改",
    "公开办事流程和时限，接受群众监督",
    "主要负责同志牵头督办",
];

struct Gen {
    rng: fastrand::Rng,
    out: PathBuf,
    units: usize,
    items: usize,
    bytes: usize,
}

/// A unit to write: its org path, name, category, batch, and how many items it has.
struct UnitSpec<'a> {
    org: &'a str,
    name: &'a str,
    leadership: bool,
    batch: u8,
    items: usize,
    reports_to: &'a str,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.out.exists() && std::fs::read_dir(&args.out)?.next().is_some() {
        bail!(
            "{} exists and is not empty; choose a new folder",
            args.out.display()
        );
    }
    let mut g = Gen {
        rng: fastrand::Rng::with_seed(args.seed),
        out: args.out.clone(),
        units: 0,
        items: 0,
        bytes: 0,
    };
    g.write(
        "huitoukan.toml",
        "[campaign]\nname = \"教育实践活动整改落实情况回头看\"\ndocument = \"浙整改办发〔2015〕2号\"\ndeadline = 2015-02-28\n",
    )?;
    for committee in COMMITTEES {
        let org = format!("省直/{committee}");
        g.unit(&UnitSpec {
            org: &org,
            name: committee,
            leadership: true,
            batch: 1,
            items: 4,
            reports_to: "省委整改办",
        })?;
        for d in 0..34 * args.scale {
            let name = format!("省直单位{d:03}");
            let org = format!("{org}/{name}");
            g.unit(&UnitSpec {
                org: &org,
                name: &name,
                leadership: true,
                batch: 1,
                items: 4,
                reports_to: committee,
            })?;
        }
    }
    for c in 0..11 * args.scale as usize {
        let city = match c / 11 {
            0 => CITIES[c % 11].to_owned(),
            n => format!("{}{n}", CITIES[c % 11]),
        };
        g.unit(&UnitSpec {
            org: &city,
            name: &city,
            leadership: true,
            batch: 2,
            items: 5,
            reports_to: "省委督查组",
        })?;
        for k in 0..8 {
            let county = format!("{city}/县{k:02}");
            g.unit(&UnitSpec {
                org: &county,
                name: &format!("{city}县{k:02}"),
                leadership: true,
                batch: 2,
                items: 4,
                reports_to: &city,
            })?;
            for t in 0..15 {
                let town = format!("{county}/镇{t:02}");
                g.unit(&UnitSpec {
                    org: &town,
                    name: &format!("镇{t:02}"),
                    leadership: true,
                    batch: 2,
                    items: 3,
                    reports_to: &county,
                })?;
                for v in 0..16 {
                    let kind = if v % 4 == 3 { "社区" } else { "村" };
                    let village = format!("{town}/{kind}{v:02}");
                    let items = 1 + g.rng.usize(0..4);
                    g.unit(&UnitSpec {
                        org: &village,
                        name: &format!("{kind}{v:02}"),
                        leadership: false,
                        batch: 2,
                        items,
                        reports_to: &town,
                    })?;
                }
            }
        }
    }
    eprintln!(
        "{}: {} units, {} items, {} bytes",
        args.out.display(),
        g.units,
        g.items,
        g.bytes
    );
    Ok(())
}

impl Gen {
    fn write(&mut self, rel: &str, text: &str) -> anyhow::Result<()> {
        let path = self.out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
        }
        write_new(&path, text)?;
        self.bytes += text.len();
        Ok(())
    }

    fn date_between(&mut self, from: Date, to: Date) -> Date {
        let days = from.until(to).map_or(0, |s| s.get_days()).max(0);
        from.checked_add(i64::from(self.rng.i32(0..=days)).days())
            .unwrap_or(from)
    }

    fn unit(&mut self, u: &UnitSpec<'_>) -> anyhow::Result<()> {
        self.units += 1;
        let mut listed: Vec<&'static str> = Vec::new();
        for i in 0..u.items {
            let point = self.item(u, i)?;
            listed.push(point);
        }
        let mut t = format!(
            "name = \"{}\"\ncategory = \"{}\"\nbatch = {}\nreports_to = \"{}\"\nprincipal = \"张某某\"\n",
            u.name,
            if u.leadership {
                "领导班子"
            } else {
                "基层党组织"
            },
            u.batch,
            u.reports_to
        );
        let roll = self.rng.u32(0..100);
        if roll >= 6 {
            let submitted = if roll < 10 {
                date(2015, 3, 3)
            } else {
                self.date_between(date(2015, 2, 1), date(2015, 2, 27))
            };
            let meeting = submitted.checked_sub(7.days()).unwrap_or(submitted);
            let disclosed = if u.batch == 1 {
                "2014年度民主生活会"
            } else {
                "年度工作总结会"
            };
            let _ = write!(
                t,
                "\n[self_check]\nmeeting_on = {meeting}\nsubmitted_on = {submitted}\ndisclosed_in = \"{disclosed}\"\npublished = {}\n",
                self.rng.bool()
            );
            if self.rng.u32(0..10) == 0 {
                t.push_str("report = \"自查报告.md\"\n");
                self.write(
                    &format!("{}/自查报告.md", u.org),
                    "# 整改落实情况自查报告\n\n召开领导班子会议集体研究，逐项梳理整改落实情况。\n",
                )?;
            }
            t.push_str("\n[self_check.answers]\n");
            let points: &[&str] = match (u.leadership, u.batch) {
                (true, 1) => &LEADERSHIP_1,
                (true, _) => &LEADERSHIP_2,
                (false, _) => &GRASSROOTS,
            };
            for p in points {
                if listed.contains(p) {
                    let _ = writeln!(
                        t,
                        "\"{p}\" = {{ answer = \"部分\", note = \"已列入整改事项\" }}"
                    );
                } else {
                    let _ = writeln!(t, "\"{p}\" = \"是\"");
                }
            }
            if self.rng.u32(0..3) == 0 {
                let on = self.date_between(submitted, date(2015, 3, 10));
                // The first batch is checked by the 督导组 that guided its 民主生活会, the second
                // by the province's 督查组.
                let (inspection, by) = if u.batch == 1 {
                    ("督导组检查", "省委第三督导组")
                } else {
                    ("督查组审核", "省委第三督查组")
                };
                let kind = [inspection, "整改办抽查", "领导检查"][self.rng.usize(0..3)];
                let result = ["通过", "退回", "查漏补缺"][self.rng.usize(0..3)];
                let _ = write!(
                    t,
                    "\n[[review]]\nkind = \"{kind}\"\nby = \"{by}\"\non = {on}\nresult = \"{result}\"\nnote = \"逐项核对整改台账\"\n"
                );
            }
        }
        self.write(&format!("{}/unit.toml", u.org), &t)
    }

    /// Writes one item and returns the check point it lists first.
    fn item(&mut self, u: &UnitSpec<'_>, index: usize) -> anyhow::Result<&'static str> {
        self.items += 1;
        let point: &'static str = if u.leadership {
            let pool = if u.batch == 1 {
                &LEADERSHIP_1[..]
            } else {
                &LEADERSHIP_2[..]
            };
            pool[self.rng.usize(0..pool.len())]
        } else {
            GRASSROOTS[self.rng.usize(0..GRASSROOTS.len())]
        };
        let area = point
            .split('.')
            .next()
            .and_then(|a| a.parse::<u8>().ok())
            .unwrap_or(2);
        let mut t = String::with_capacity(640);
        let _ = write!(
            t,
            "id = \"{}-{:02}\"\ntitle = \"{}\"\narea = {area}\npoints = [\"{point}\"]\n",
            u.name,
            index + 1,
            PROBLEMS[self.rng.usize(0..PROBLEMS.len())]
        );
        match self.rng.u32(0..10) {
            0 => t.push_str("source = \"专项整治\"\nspecial_task = \"中央21项专项整治第3项\"\n"),
            1 => {
                let found = self.date_between(date(2014, 12, 1), date(2015, 2, 20));
                let _ = write!(t, "source = \"新发现\"\nfound_on = {found}\n");
            }
            2 => t.push_str("source = \"群众反映\"\n"),
            3 => t.push_str("source = \"督查反馈\"\n"),
            4 => t.push_str("source = \"上级交办\"\n"),
            _ => t.push_str("source = \"整改方案\"\n"),
        }
        let _ = write!(
            t,
            "problem = \"群众反映较多，影响干部作风形象\"\ncommitment = \"按期整改到位\"\n"
        );
        let measures = MEASURES[self.rng.usize(0..MEASURES.len())];
        let _ = writeln!(
            t,
            "measures = [\"{measures}\", \"{}\"]",
            MEASURES[self.rng.usize(0..MEASURES.len())]
        );
        if self.rng.u32(0..25) == 0 {
            t.push_str("owner = \"个人\"\nperson = \"王某某\"\n");
        }
        t.push_str("responsible = \"办公室\"\nlead = \"副职 钱某某\"\n");
        let deadline = self.date_between(date(2014, 10, 1), date(2015, 6, 30));
        let _ = writeln!(t, "deadline = {deadline}");
        let satisfaction = ["满意", "基本满意", "未测评", "满意", "不满意"][self.rng.usize(0..5)];
        // Whether a 不满意 item still needs its `rectify_by` (done items are never 不满意, and
        // ineffective ones have one already).
        let needs_rectify_by = match self.rng.u32(0..20) {
            0..=7 => {
                let done = self.date_between(date(2014, 9, 1), date(2015, 3, 8));
                let satisfaction = if satisfaction == "不满意" {
                    "基本满意"
                } else {
                    satisfaction
                };
                let _ = write!(
                    t,
                    "status = \"已完成\"\ncompleted_on = {done}\nsatisfaction = \"{satisfaction}\"\nevidence = [\"整改情况报告\", \"会议纪要\"]\n"
                );
                false
            }
            8..=12 => {
                let done = self.date_between(date(2014, 9, 1), date(2015, 3, 8));
                let _ = write!(
                    t,
                    "status = \"基本完成\"\ncompleted_on = {done}\nconsolidation = \"建立长效机制，每季度回头看\"\nsatisfaction = \"{satisfaction}\"\n"
                );
                satisfaction == "不满意"
            }
            13..=17 => {
                let _ = write!(
                    t,
                    "status = \"未完成\"\nsatisfaction = \"{satisfaction}\"\n"
                );
                satisfaction == "不满意"
            }
            _ => {
                let by = self.date_between(date(2015, 2, 1), date(2015, 6, 30));
                let _ = write!(
                    t,
                    "status = \"效果不理想\"\nrectify_by = {by}\nsatisfaction = \"不满意\"\n"
                );
                false
            }
        };
        if needs_rectify_by {
            // 群众不满意的，要限期整改到位, whatever the status.
            let by = self.date_between(date(2015, 2, 1), date(2015, 6, 30));
            let _ = writeln!(t, "rectify_by = {by}");
        }
        if self.rng.u32(0..50) == 0 {
            t.push_str("confidential = true\n");
        }
        if let Some((parent, _)) = u
            .org
            .rsplit_once('/')
            .filter(|(p, _)| *p != "省直" && self.rng.u32(0..60) == 0)
        {
            let _ = write!(
                t,
                "\n[linkage]\nlead_unit = \"{parent}\"\nreason = \"病症在下面、病根在上面\"\n"
            );
        }
        self.write(&format!("{}/items/{:02}.toml", u.org, index + 1), &t)?;
        Ok(point)
    }
}

fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| path.display().to_string())?;
    file.write_all(text.as_bytes())
        .with_context(|| path.display().to_string())
}

const LEADERSHIP_1: [&str; 23] = [
    "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "4.1", "4.2", "4.3",
    "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "6.4", "L.1", "L.2", "L.3",
];
const LEADERSHIP_2: [&str; 23] = [
    "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.3", "4.1", "4.2", "4.3",
    "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "6.4", "L.1", "L.2", "L.3",
];
const GRASSROOTS: [&str; 6] = ["3.1", "3.3", "4.2", "G.1", "G.2", "G.3"];
