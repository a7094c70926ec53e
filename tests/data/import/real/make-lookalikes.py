#!/usr/bin/env python3
# make-lookalikes.py — files shaped like the publishers' real downloads, with
# made-up practices and numbers, and the measurements each should store
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each NAME gets NAME.expected.csv: what `klynge-cli measurements --format csv`
# prints after the import in test-cli-real-files.sh (rows sorted), computed
# here from the same numbers the file is written from. Headers, column order,
# quoting, encodings and line ends copy the publishers' (PHS, NHS Digital,
# OpenPrescribing, Fingertips, an openpyxl report; Danish registers in
# cp1252 with title lines). Run it from this folder.
import zipfile

HEADER = 'clinic_number,clinic_name,indicator,period,numerator,denominator,value,status'


PERIOD_KEYS = {'20241001': '2024-10-01', '01JAN2021': '2021-01-01', '01May2022': '2022-05-01',
               '4. kvartal 2024': '2024-Q4', 'jan. 2025': '2025-01', 'januar 2025': '2025-01'}


def period_key(text):
    """The period as Klynge stores it: its normalised key."""
    return PERIOD_KEYS.get(text, text)


def csv_field(text):
    text = str(text)
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def expected(name, rows):
    lines = sorted(','.join(csv_field(f) for f in row) for row in rows)
    with open(name + '.expected.csv', 'w', newline='') as f:
        f.write(HEADER + '\n' + ''.join(line + '\n' for line in lines))


def write(name, lines, newline='\n', encoding='ascii'):
    with open(name, 'wb') as f:
        f.write(''.join(line + newline for line in lines).encode(encoding))


def value_row(number, name, indicator, period, value, status='ok'):
    return [number, name, indicator, period_key(period), '', '', '' if value is None else value, status]


def count_row(number, name, indicator, period, numerator, denominator):
    return [number, name, indicator, period_key(period), numerator, denominator, '', 'ok']


# --- Public Health Scotland ----------------------------------------------------
# Practice list (CRLF): the clinics come from it.
PHS = [  # code, name, male, female, 85+ all, cluster
    ('41101', 'Glenfoot Health Centre', 3021, 3150, 190, 'North West Lookalike'),
    ('41123', 'Birkhill Medical Practice', 2210, 2305, 120, 'North West Lookalike'),
    ('41250', 'Castle Wynd Surgery', 4120, 4310, 260, 'Lookalike City'),
    ('41377', 'Riverside Medical Group', 6003, 6150, 402, 'Lookalike City'),
    ('41402', "St Ninian's Practice", 1502, 1498, 77, 'Lookalike City'),
]
SUPPRESSED = ('41826', 'Outreach Care Service', 29, 'Lookalike City')

contact = ['PracticeCode,GPPracticeName,PracticeListSize,AddressLine1,AddressLine2,AddressLine3,AddressLine4,Postcode,'
           'TelephoneNumber,PracticeType,Dispensing,HB,HSCP,DataZone,GPCluster']
for i, (code, name, male, female, _, cluster) in enumerate(PHS):
    contact.append(f'{code},{name},{male + female},{name},{i + 1} Mill Road,Lookton,,FK{i + 1} 4EU,'
                   f'01786   83{i}   210,17J, ,S08000019,S37000005,S0101308{i},{cluster}')
contact.append(f'{SUPPRESSED[0]},{SUPPRESSED[1]},{SUPPRESSED[2]},{SUPPRESSED[1]},Lookton Road,Lookton,,FK9 9ZZ,'
               f'01786   800   800,17C, ,S08000019,S37000005,S01013099,{SUPPRESSED[3]}')
write('phs-contactdetails.csv', contact, '\r\n')

# List sizes (LF): three rows per practice, a QF column beside every count.
AGES = ['AllAges', 'Ages0to4', 'Ages5to14', 'Ages15to24', 'Ages25to44', 'Ages45to64', 'Ages65to74', 'Ages75to84', 'Ages85plus']
QF = {'AllAges': 'AllAgesQF', 'Ages85plus': 'Ages85PlusQF'}
header = ['Date', 'PracticeCode', 'HB', 'HSCP', 'Sex', 'SexQF']
for age in AGES:
    header += [age, QF.get(age, age.replace('to', 'To') + 'QF')]
sizes = [','.join(header)]
rows = []
for code, name, male, female, old, _ in PHS:
    for sex, total, qf in (('Male', male, ''), ('Female', female, ''), ('All', male + female, 'd')):
        ages = [total] + [total // 10] * 7 + [old if sex == 'All' else old // 2]
        sizes.append(','.join(['20241001', code, 'S08000019', 'S37000005', sex, qf] + [f'{a},' for a in ages])[:-1])
    rows.append(value_row(code, name, 'List size (all ages)', '20241001', male + female))
    rows.append(value_row(code, name, 'Patients aged 85+', '20241001', old))
code, name, total, _ = SUPPRESSED
for sex, qf in (('Male', ''), ('Female', '')):
    sizes.append(','.join(['20241001', code, 'S08000019', 'S37000005', sex, qf] + [',c'] * len(AGES)))
sizes.append(','.join(['20241001', code, 'S08000019', 'S37000005', 'All', 'd', f'{total},'] + [',c'] * (len(AGES) - 1)))
rows.append(value_row(code, name, 'List size (all ages)', '20241001', total))
rows.append(value_row(code, name, 'Patients aged 85+', '20241001', None, 'suppressed'))
write('phs-listsizes.csv', sizes)
expected('phs-listsizes.csv', rows)

# --- NHS Digital "Patients Registered at a GP Practice" -----------------------
# The cluster's own list names the practices in lower case.
NHSD = [('B81001', 'Hexfield Surgery', 5903, 5983), ('B81005', 'Coquet Medical Group', 12066, 12097),
        ('B81006', 'Alnside Practice', 18873, 18883), ('B81012', 'Wansdale Health Centre', 7510, 7602)]
OUTSIDE = [('B81003', 14738), ('B81043', 2750)]   # practices of the CCG, not of the cluster
write('nhsd-cluster-practices.csv', ['CODE,Name'] + [f'{c.lower()},{n}' for c, n, _, _ in NHSD], '\r\n')
for month, column, newline, extract in (('jan2021', 2, '\r\n', '01JAN2021'), ('may2022', 3, '\n', '01May2022')):
    lines = ['PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS']
    every = sorted([(c, n, a if column == 2 else b) for c, n, a, b in NHSD] + [(c, None, v) for c, v in OUTSIDE])
    for code, _, patients in every:
        lines.append(f'GP_PRAC_PAT_LIST,{extract},GP,00X,E38000999,{code},NE65 7UW,ALL,ALL,{patients}')
    write(f'nhsd-gp-reg-{month}.csv', lines, newline)
    expected(f'nhsd-gp-reg-{month}.csv',
             [value_row(c.lower(), n, 'Registered patients', extract, a if column == 2 else b) for c, n, a, b in NHSD])

# --- OpenPrescribing "Analyse" download ----------------------------------------
OP = [('P99659', "DR HUSSEIN'S PRACTICE", [(84, '220.37', 0), (80, '210.5', 1210), (78, '199.01', 1232)]),
      ('P99605', 'HILLCLOUGH SURGERY', [(33, '94.7', 2154), (40, '101.25', 2160), (29, '80.4', 2171)]),
      ('Y09520', 'DR CHAN, KOH AND GAN', [(74, '853.44', 4720), (69, '790.1', 4731), (71, '802.66', 4740)])]
MONTHS = ['2014-10-01', '2014-11-01', '2014-12-01']
lines = ['date,id,name,y_items,y_actual_cost,total_list_size']
rows = []
for m, month in enumerate(MONTHS):
    for code, name, values in OP:
        items, cost, size = values[m]
        lines.append(f'{month},{code},"{name}",{items},{cost},{size}')
        if size > 0:   # list size 0: left out with --skip-bad
            rows.append(count_row(code, name, 'Antibacterial items per patient', month, items, size))
            rows.append(value_row(code, name, 'Antibacterial actual cost', month, cost))
write('openprescribing-items.csv', lines)
expected('openprescribing-items.csv', rows)

# --- Fingertips "Export data" ---------------------------------------------------
COLUMNS = ('Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,'
           'Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,'
           'Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,'
           'Compared to CCGs (from Apr 2021) value or percentiles,Time period Sortable,New data,Compared to goal,Time period range')
TAIL = ',,,,,,,,Cannot be calculated,Not compared,Not compared,20190000,,,1y'
IMD = ['16.6389494897077', '25.1107340018733', '9.8731500062245', '31.0020519843112']
lines = [COLUMNS,
         '93553,Deprivation score (IMD 2019),,,E92000001,England,England,Persons,All ages,,,2019,21.7220870988933' + TAIL,
         '93553,Deprivation score (IMD 2019),E92000001,England,E92000001,England,England,Persons,All ages,,,2019,21.7220870988933' + TAIL]
rows = []
for (code, name, _, _), imd in zip(NHSD, IMD):
    lines.append(f'93553,Deprivation score (IMD 2019),E92000001,England,{code},{name},GP,Persons,All ages,,,2019,{imd}' + TAIL)
    rows.append(value_row(code.lower(), name, 'Deprivation score (IMD 2019)', '2019', imd))
write('fingertips-imd.csv', lines, '\r\n')
expected('fingertips-imd.csv', rows)

# --- Danish shapes ----------------------------------------------------------------
# A region's practice list and quarterly report: cp1252, ";", title lines,
# "Ydernr.", "<5", the cluster's total and the national row.
DK = [('012345', 'Lægehuset Nørregade', 1650), ('023456', 'Ærø Lægepraksis', 2210),
      ('034567', 'Åbyhøj Lægecenter', 3120), ('045678', 'Lægerne på Torvet', 4015)]
write('dk-praksisliste-cp1252.csv',
      ['Praksisliste for Klynge Øst', '', 'Ydernummer;Praksisnavn;Tilmeldte patienter;Adresse']
      + [f'{c};{n};{p};Storegade {i + 1}, 8000 Aarhus C' for i, (c, n, p) in enumerate(DK)], '\r\n', 'cp1252')
DK_Q = [(120, 150), (4, 60), (210, 260), (98, 131)]    # "<5" for the second
lines = ['Kvalitetsrapport: Diabetes, HbA1c målt', 'Udtræk 15. januar 2025 fra Region Midtjylland', '',
         'Ydernr.;Praksis;Periode;HbA1c målt;Diabetikere']
rows = []
for (code, name, _), (num, den) in zip(DK, DK_Q):
    lines.append(f'{code};{name};4. kvartal 2024;{"<5" if num < 5 else num};{den}')
    if num < 5:
        rows.append([code, name, 'HbA1c målt', period_key('4. kvartal 2024'), '', '', '', 'suppressed'])
    else:
        rows.append(count_row(code, name, 'HbA1c målt', '4. kvartal 2024', num, den))
lines.append(f';Klyngen i alt;4. kvartal 2024;{sum(n for n, _ in DK_Q)};{sum(d for _, d in DK_Q)}')
lines.append(';Hele landet;4. kvartal 2024;181234;229876')
write('dk-kvartal-cp1252.csv', lines, '\r\n', 'cp1252')
expected('dk-kvartal-cp1252.csv', rows)

# A second region file names the practices without ydernumre, spelt as an
# older system writes them (ae for æ, upper case, punctuation).
SPELT = ['LAEGEHUSET NOERREGADE', 'Aeroe Laegepraksis.', 'AABYHOEJ LAEGECENTER', 'Lægerne på Torvet']
lines = ['Praksis;Måned;Antal;Patienter']
rows = []
for (code, name, _), spelt, (num, den) in zip(DK, SPELT, [(11, 40), (7, 22), (19, 51), (5, 17)]):
    lines.append(f'{spelt};jan. 2025;{num};{den}')
    rows.append(count_row(code, name, 'Influenzavaccination', 'jan. 2025', num, den))
lines.append('I alt;jan. 2025;42;130')
write('dk-maaned-navne-cp1252.csv', lines, '\n', 'cp1252')
expected('dk-maaned-navne-cp1252.csv', rows)

# --- Workbooks ---------------------------------------------------------------------
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def workbook(sheets):
    s = ''.join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(sheets))
    return f'<?xml version="1.0"?><workbook {NS}><sheets>{s}</sheets></workbook>'


def rels(n):
    r = ''.join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
    return f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{r}</Relationships>'


STYLES = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="d mmm yyyy"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>')


def cell(ref, value, style=0):
    if isinstance(value, str) and value.startswith('='):
        return f'<c r="{ref}" s="{style}"><f>{value[1:]}</f></c>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'


def sheet(rows, merges=()):
    xml = ''
    for r, cells in rows:
        xml += f'<row r="{r}">' + ''.join(cell(f'{chr(65 + i)}{r}', v, s) for i, (v, s) in enumerate(cells) if v is not None) + '</row>'
    merge = ''.join(f'<mergeCell ref="{m}"/>' for m in merges)
    return (f'<?xml version="1.0"?><worksheet {NS}><sheetData>{xml}</sheetData>'
            + (f'<mergeCells count="{len(merges)}">{merge}</mergeCells>' if merges else '') + '</worksheet>')


def xlsx(name, sheets):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('xl/workbook.xml', workbook([n for n, _ in sheets]))
        z.writestr('xl/_rels/workbook.xml.rels', rels(len(sheets)))
        z.writestr('xl/styles.xml', STYLES)
        for i, (_, xml) in enumerate(sheets):
            z.writestr(f'xl/worksheets/sheet{i + 1}.xml', xml)


# An openpyxl report: title, source, blank, merged group row with date
# cells, the header with "Registered patients" twice, a Total of formulas.
data = [(5, [('Code', 0), ('Name', 0), ('Registered patients', 0), ('Registered patients', 0), ('Extract date', 0)])]
rows = []
r = 6
for code, name, jan, may in NHSD + [('B81003', 'Pegswood Surgery', 14738, None)]:
    data.append((r, [(code, 0), (name, 0), (jan, 2), (may, 2), (44682, 1)]))
    if may is not None and code != 'B81003':
        rows.append(value_row(code.lower(), name, 'Registered patients', '2022-05', may))
    r += 1
data.append((r, [('Total', 0), (None, 0), (f'=SUM(C6:C{r - 1})', 2), (f'=SUM(D6:D{r - 1})', 2)]))
report = [(1, [('Patients registered at the cluster\'s practices', 0)]), (2, [('Source: made up for the tests', 0)]),
          (4, [('Practice', 0), (None, 0), (44197, 1), (44682, 1)])] + data
xlsx('nhsd-report-openpyxl.xlsx', [('Registered patients', sheet(report, ['A1:E1', 'A4:B4'])),
                                   ('Notes', sheet([(1, [('Made up.', 0)]), (2, [('Numbers are patients.', 0)])]))])
expected('nhsd-report-openpyxl.xlsx', rows)

# A record system's workbook: a notes sheet first, ydernumre as numbers
# (their leading zeros lost), Danish month names.
data = [(1, [('Ydernummer', 0), ('Måned', 0), ('Antal', 0), ('Patienter', 0)])]
rows = []
for i, ((code, name, _), (num, den)) in enumerate(zip(DK, [(31, 90), (12, 44), (50, 120), (21, 63)])):
    data.append((i + 2, [(int(code), 0), ('januar 2025', 0), (num, 0), (den, 0)]))
    rows.append(count_row(code, name, 'Influenzavaccination', 'januar 2025', num, den))
xlsx('dk-journal-udtraek.xlsx', [('Noter', sheet([(1, [('Udtræk fra journalsystemet', 0)])])), ('Data', sheet(data))])
expected('dk-journal-udtraek.xlsx', rows)
