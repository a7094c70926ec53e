#!/usr/bin/env python3
# make-fixtures.py — writes the hand-made XLSX fixtures of the import tests
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reader must handle what other programs write, so these are built part by
# part: inline strings, date styles in both date systems, a sparse row, a
# second sheet, and the broken files of the error tests. Run it from this folder.
import zipfile

CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def workbook(date1904, sheets):
    s = ''.join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, n in enumerate(sheets))
    return f'<?xml version="1.0"?><workbook {NS}><workbookPr date1904="{date1904}"/><sheets>{s}</sheets></workbook>'

def rels(n):
    r = ''.join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(n))
    return f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{r}</Relationships>'

STYLES = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>')

def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'

SHEET1 = (f'<?xml version="1.0"?><worksheet {NS}><sheetData>'
          '<row r="1">' + inline('A1', 'Ydernummer') + inline('B1', 'Dato') + inline('C1', 'Tæller') + inline('D1', 'Nævner') + inline('E1', 'OK') + '</row>'
          '<row r="2"><c r="A2" t="inlineStr"><is><r><t>0123</t></r><r><t>45</t></r></is></c><c r="B2" s="1"><v>46112</v></c><c r="C2"><v>213</v></c><c r="D2" s="3"><v>391</v></c><c r="E2" t="b"><v>1</v></c></row>'
          '<row r="4"><c r="A4" t="str"><v>023456</v></c><c r="B4" s="2"><v>45930.5</v></c><c r="D4"><v>255</v></c></row>'
          '<row r="5"/>'
          '<row r="6"><c r="A6" t="inlineStr"><is><t>Ærø</t></is></c><c r="C6" t="e"><v>#N/A</v></c><c r="E6" t="b"><v>0</v></c></row>'
          '</sheetData></worksheet>')

SHEET2 = f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="1">' + inline('B1', 'second sheet') + '</row></sheetData></worksheet>'

SHEET1904 = f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44651</v></c></row></sheetData></worksheet>'

def write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for path, data in parts.items():
            z.writestr(path, data)

write('inline-dates.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['Data', 'Notes']),
    'xl/_rels/workbook.xml.rels': rels(2),
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': SHEET1,
    'xl/worksheets/sheet2.xml': SHEET2,
})

write('date1904.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(1, ['Mac']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': SHEET1904,
})

# A zip bomb in miniature: 64 MB of blanks inside a valid sheet.
write('bomb.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['Bomb']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/worksheets/sheet1.xml': f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + ' ' * (64 << 20) + '</sheetData></worksheet>',
})

# The Gnumeric workbook without its shared strings.
with zipfile.ZipFile('diabetes-gnumeric.xlsx') as src, \
     zipfile.ZipFile('no-shared-strings.xlsx', 'w', zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        if item.filename != 'xl/sharedStrings.xml':
            dst.writestr(item, src.read(item.filename))

with open('diabetes-gnumeric.xlsx', 'rb') as f:
    data = f.read()
with open('truncated.xlsx', 'wb') as f:
    f.write(data[:len(data) // 2])

# Bytes that are neither UTF-8 nor a table.
with open('garbage.bin', 'wb') as f:
    f.write(bytes((i * 167 + 13) % 256 for i in range(3000)))

open('empty.csv', 'wb').close()
