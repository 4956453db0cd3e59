//! `huitoukan check`: the codes about dates and follow-up that had no test of their own —
//! E029 (不满意 without `rectify_by`), E031 (a closure of an item not done, before it was done,
//! on a day yet to come), E032 (`subordinates_due` after the unit's own due date), E033
//! (`resubmitted_on` without a 退回) and W007 (no progress for too long).

use super::*;

/// The item with `lines` added at its end.
fn item_with(lines: &str) -> String {
    format!("{ITEM}{lines}")
}

#[test]
fn e029_unsatisfied_without_rectify_by() {
    let tree = with_item(&item_with("satisfaction = \"不满意\"\n"));
    assert_eq!(
        check_json(&tree),
        [found(
            "E029",
            ITEM_PATH,
            9,
            16,
            "群众不满意的事项必须填写限期整改日期 `rectify_by`"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "对整改效果不理想、群众不满意的，要限期整改到位：写明 `rectify_by = 年-月-日`"
                .to_owned()
        )]
    );
    // With the date set, nothing: an item still 不满意 may be unfinished as long as it has one.
    let tree = with_item(&item_with(
        "satisfaction = \"不满意\"\nrectify_by = 2015-04-30\n",
    ));
    assert_eq!(check_json(&tree), []);
}

const CLOSURE: &str = "\n[closure]\napproved_by = \"省委整改办\"\n";

#[test]
fn e031_closure_of_an_item_not_done() {
    let tree = with_item(&item_with(&format!("{CLOSURE}approved_on = 2015-03-01\n")));
    assert_eq!(
        check_json(&tree),
        [found(
            "E031",
            ITEM_PATH,
            10,
            1,
            "只有已完成的事项才能销号，本事项状态为未完成"
        )]
    );
}

/// The item done on 2015-03-02, closed on `approved_on`.
fn done_and_closed(approved_on: &str) -> Tree {
    let done = edit(
        ITEM,
        "status = \"未完成\"\n",
        "status = \"已完成\"\ncompleted_on = 2015-03-02\nevidence = [\"会议纪要\"]\n",
    );
    with_item(&format!("{done}{CLOSURE}approved_on = {approved_on}\n"))
}

#[test]
fn e031_closure_before_the_item_was_completed() {
    assert_eq!(
        check_json(&done_and_closed("2015-03-01")),
        [found(
            "E031",
            ITEM_PATH,
            14,
            15,
            "销号日期2015年3月1日早于完成日期2015年3月2日"
        )]
    );
    assert_eq!(check_json(&done_and_closed("2015-03-02")), []);
}

#[test]
fn e031_closure_on_a_day_yet_to_come() {
    assert_eq!(
        check_json(&done_and_closed("2099-03-12")),
        [found(
            "E031",
            ITEM_PATH,
            14,
            15,
            "销号日期2099年3月12日还没有到"
        )]
    );
    // After the as-of date but past: no error; the report of 10 March sets it aside.
    let later = done_and_closed("2015-03-12");
    assert_eq!(check_json(&later), []);
    let out = later.run(&["report", "--format", "json", "--as-of", AS_OF]);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["after_as_of"], 1);
    assert_eq!(report["totals"]["closed"], 0);
}

#[test]
fn e032_subordinates_due_after_the_units_own_due_date() {
    let unit = |due: &str| {
        edit(
            UNIT,
            "batch = 1\n",
            &format!("batch = 1\nsubordinates_due = {due}\n"),
        )
    };
    assert_eq!(
        check_json(&with_unit(&unit("2015-03-05"))),
        [found(
            "E032",
            UNIT_PATH,
            4,
            20,
            "下级报送时限2015年3月5日晚于本单位自己的报送时限2015年2月28日"
        )]
    );
    // On the day itself it is no later.
    assert_eq!(check_json(&with_unit(&unit("2015-02-28"))), []);
}

#[test]
fn e033_resubmitted_without_a_returned_review() {
    let resubmitted = edit(
        UNIT,
        "submitted_on = 2015-02-10\n",
        "submitted_on = 2015-02-10\nresubmitted_on = 2015-02-20\n",
    );
    let tree = with_unit(&resubmitted);
    assert_eq!(
        check_json(&tree),
        [found(
            "E033",
            UNIT_PATH,
            8,
            18,
            "重新报送日期2015年2月20日之前没有退回的审核记录"
        )]
    );
    assert_eq!(
        helps(&tree),
        [Some(
            "在 [[review]] 中记下退回的审核（result = \"退回\"），或删去 `resubmitted_on`"
                .to_owned()
        )]
    );
    // A 退回 on or before it answers it.
    let returned = format!(
        "{resubmitted}\n[[review]]\nkind = \"督查组审核\"\nby = \"省委第三督查组\"\non = 2015-02-15\nresult = \"退回\"\n"
    );
    let with_review = edit(&returned, "\"L.3\" = \"是\"\n", "\"L.3\" = \"是\"\n");
    assert_eq!(check_json(&with_unit(&with_review)), []);
}

#[test]
fn w007_no_progress_for_longer_than_the_campaign_allows() {
    let campaign = format!("{CAMPAIGN}opened_on = 2015-01-15\nprogress_every = 30\n");
    let tree = Tree::empty()
        .file("huitoukan.toml", &campaign)
        .unit(ORG, UNIT)
        .item(ORG, ITEM_NAME, ITEM);
    assert_eq!(
        check_json(&tree),
        [found(
            "W007",
            ITEM_PATH,
            8,
            10,
            "已54天没有进展记录（自2015年1月15日起；要求至少每30天一次）"
        )]
    );
    // A progress entry within the 30 days is follow-up enough.
    let followed = format!("{ITEM}\n[[progress]]\non = 2015-02-20\ntext = \"已制定会议计划\"\n");
    let tree = Tree::empty()
        .file("huitoukan.toml", &campaign)
        .unit(ORG, UNIT)
        .item(ORG, ITEM_NAME, &followed);
    assert_eq!(check_json(&tree), []);
}
