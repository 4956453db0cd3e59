//! Workbooks built from their parts, for the fuzz target `workbook` and the tests of
//! `tests/cli/limits.rs` (which include this file): an `.xlsx` whose sheet XML is given, an
//! `.ods` whose table is given, an `.xls` whose sheet records are given. Each is a valid
//! container around what the caller puts in it, so that what is tested is the reading of the
//! parts, not the container.

use std::io::Write;

/// A zip of `parts` (name, bytes), stored without compression.
pub fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    for (name, bytes) in parts {
        out.start_file(*name, stored).expect("an entry");
        out.write_all(bytes).expect("write");
    }
    out.finish().expect("a zip").into_inner()
}

/// An .xlsx of one sheet 整改台账 whose `<sheetData>` is `rows`, followed by `after` (merged
/// cells), and whose shared strings, where given, are `shared` (the whole part).
pub fn xlsx(rows: &str, shared: Option<&str>, after: &str) -> Vec<u8> {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut parts = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#
            .as_bytes()
            .to_vec(),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            )
            .into_bytes(),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            )
            .into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            )
            .into_bytes(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>{rows}</sheetData>{after}</worksheet>"#
            )
            .into_bytes(),
        ),
    ];
    parts.push((
        "xl/sharedStrings.xml",
        shared
            .map_or_else(
                || format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="0" uniqueCount="0"></sst>"#),
                str::to_owned,
            )
            .into_bytes(),
    ));
    zip_of(&parts)
}

/// An .ods of one sheet 整改台账 whose table holds `rows`.
pub fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="整改台账">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        (
            "META-INF/manifest.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_vec(),
        ),
        ("content.xml", content.into_bytes()),
    ])
}

/// One BIFF8 record.
pub fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

/// An .xls of one sheet 整改台账 whose records (after its BOF) are `sheet`.
pub fn xls(sheet: &[Vec<u8>]) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend(dt.to_le_bytes());
        data.extend([0u8; 12]);
        record(0x0809, &data)
    };
    let name: Vec<u8> = "整改台账"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let boundsheet = |at: u32| {
        let mut data = at.to_le_bytes().to_vec();
        data.extend([0, 0, 4, 1]);
        data.extend(&name);
        record(0x0085, &data)
    };
    let globals_len = (bof(5).len() + boundsheet(0).len() + record(0x000A, &[]).len()) as u32;
    let mut stream = bof(5);
    stream.extend(boundsheet(globals_len));
    stream.extend(record(0x000A, &[]));
    stream.extend(bof(0x10));
    for r in sheet {
        stream.extend(r);
    }
    stream.extend(record(0x000A, &[]));
    let mut file =
        cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("a container");
    file.create_stream("/Workbook")
        .expect("a stream")
        .write_all(&stream)
        .expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}
