// Package minutes reads agenda and minutes documents, as councils publish
// them (text extracted from PDF), into plain records.
//
// Council papers arrive as "agenda packs": the agenda itself, the minutes of
// the previous meeting and a pile of partner reports, flattened into one text
// stream by a PDF extractor. The extractor keeps running page headers, page
// footers ("Page 10") and pack labels ("Agenda Item 3"), scatters two-column
// layouts across lines (a minute number can land above the attendance list it
// was printed beside) and turns bullet glyphs into blank lines. ParseAgenda
// and ParseMinutes therefore first look for the part of the text they were
// asked for and then read it with line-oriented heuristics rather than a
// grammar: councils do not share one.
//
// Before reading minutes, ParseMinutes rewrites the house styles of other
// councils into that shape (see styles.go): tables flattened to "1. | text
// |", a whole page on one line (PDF text without line breaks: it is cut
// before minute numbers followed by a heading in capitals and before labels
// such as "Present:", "Apologies:" and "Proposed by:"), council web pages
// with "Minutes:" labels and "pdf icon" links, a minute reference printed
// before the agenda number ("P061/24 1. APOLOGIES") or printed on the
// line below it ("7." over "28. YOUTH ANTI-SOCIAL BEHAVIOUR", "Item 7"
// over "Minute 28 – …", "1. Election of the Chairman;" over "01/23"),
// minutes numbered without any punctuation or heading ("2105 The
// Chairman …"), recognised
// as a run of at least four lines counting up by one, and labels a Welsh
// council prints in both languages ("Yn bresennol / Present:",
// "PENDERFYNWYD / RESOLVED:") read as their English half. A Welsh
// council's resolution in Welsh ("PENDERFYNWYD: …", before or after the
// English, or the first half of "Welsh. / English.") is kept in the
// minute's narrative, never in the English resolution. Minutes printed
// only in Welsh, where no line is an outcome in English ("RESOLVED: …",
// "AGREED: …"; "the unresolved problem" is none) or more items resolve
// in Welsh alone than have one (then the items without), are read by
// their Welsh labels: "COFNODION" (minutes), "YN BRESENNOL:" or "PRESENNOL:"
// (present), items titled "YMDDIHEURIADAU" (apologies) and "DATGAN
// BUDDIANT" or "DATGANIADAU O FUDDIANT" (declarations), their
// declarations in a sentence ("Datganodd y Cynghorydd Huws fuddiant
// personol yn eitem 5 fel …", read as "declared a personal interest in
// item 5 as …" is; "Ni chafwyd unrhyw ddatganiadau o fuddiant." as "No
// declarations of interest were made."; where both languages are printed
// the English is the declaration, once), and
// "PENDERFYNWYD:" (resolved) as the resolution, also after a
// paragraph's number or in a sentence ("… ac PENDERFYNWYD bod …");
// apologies announced in a sentence ("Derbyniwyd ymddiheuriadau gan y
// Cynghorydd …", "Ymddiheuriadau am absenoldeb: …"), the Welsh titles
// ("Y Cynghorydd", "Cynghorwyr", "Cyng.") and times ("2.00 y.p.", "10.00
// y.b.", "7.00 yr hwyr") are read as the English ones are. Attendance printed
// in a column of labels ("Members Present", "Officers in" over
// "Attendance"), attendance printed as a table of names and marks
// ("Member   Present   Apologies" with "Yes" or a tick under one, or an
// "Attendance" column of "P", "A", "Present" and "Apologies"; a row
// whose marks are not read is warned of), minutes printed as a table of number, subject and
// discussion, and a web page printed from a browser (its printing's date,
// title and address on every sheet) are rewritten so too. testdata/corpus
// holds documents written for the tests in the styles of two dozen
// councils' published minutes, with answer keys; TestCorpusScore measures
// the reader on them.
//
// The parsers never fail on text they half understand. Anything they could
// not place is reported in the Warnings field so that a person can check it;
// only text with no agenda or minutes in it at all yields ErrNoAgenda or
// ErrNoMinutes.
//
// Normalisation rules, so that callers know what to expect:
//
//   - Committee names are kept as printed ("SEFTON SAFER COMMUNITIES
//     PARTNERSHIP"); a short name in the opening sentence ("Minutes of
//     the meeting of the Fire Authority") gives way to the full title the
//     heading prints ("NORTHMOOR FIRE AND RESCUE AUTHORITY"); venues printed in capitals are title-cased ("Microsoft
//     Teams Remote Meeting") because they are shown to people in chat.
//     A board named with the part of its meeting held in public ("Public
//     Board of Directors", "… Meeting held in Public") is the board,
//     "Board of Directors"; a heading in Welsh and English ("PWYLLGOR
//     CRAFFU CYMUNEDAU / COMMUNITIES SCRUTINY COMMITTEE", or the English
//     first) gives its English half, as a venue printed so does.
//   - Dates are ISO 8601 (2021-12-09) and read day-first, as UK councils
//     write them; times are 24-hour "HH:MM". "Febuary" is February. A
//     date printed in Welsh ("Dydd Iau, 14 Tachwedd 2024", "16eg
//     Mehefin 2025") is read by its Welsh month. A
//     meeting dated with a day no calendar has ("31 February 2026", "29
//     February 2025", "30th Febuary", "31/02/2026", "30.02.26") has no
//     Date: Meeting.NotADate
//     keeps it as printed, and a warning quotes it. A weekday printed
//     with the date that is not its own ("Thursday, 5 December 2026")
//     is warned of; the date stands.
//   - Minute numbers keep their printed shape: "20", "41/23", "24.31",
//     "2409.01", "P061/24", "RMD.31.23", "FC/23/001", "SSP 12/22".
//     "338.1" under minute 338 is a sub-item, part of minute 338;
//     planning references such as "22/01234/FUL" are never minute numbers.
//   - Agenda and minute numbers lose their trailing full stop and any "Item"
//     or "Minute" prefix; an agenda sub-item printed "(a)" under item 7
//     becomes "7a". Agendas numbered by section ("A1", "A2", "B1", under
//     headings such as "B - Key Decision Items") keep those numbers, and
//     then every item of the agenda has one.
//   - Presenters keep any rank printed before the name ("Superintendent
//     Graeme Robson"). Item.Organisation holds the bracketed text printed
//     after the presenter, e.g. "NW Probation Lead", when there is one
//     presenter or all print the same; otherwise each presenter keeps their
//     own in Item.Presenter: "A Smith (Merseyside Police), B Jones (Sefton
//     Council)".
//   - Resolution parts lose their "(n)" marker and the trailing "; and",
//     ";" or "." that joins them to the next part.
//   - Minutes.Present lists everyone recorded as attending, officers and
//     "also present" included, one entry per person (a member printed
//     in the list and again as "Cllr J Ferris (Chair)" is one, named as
//     an action's owner is matched: same surname, forenames that may be
//     one person's, titles aside, and no different wards or
//     organisations in brackets; brackets of both kept); "Councillors A and B"
//     becomes "Councillor A", "Councillor B"; "Rebecca Vine, Community
//     Safety Manager" becomes "Rebecca Vine (Community Safety Manager)",
//     and "Mr Colm Doherty, Sperrin Rural Transport" (words that only a
//     body's name has, or its initials) "Mr Colm Doherty (Sperrin Rural
//     Transport)", a post and a body both kept ("Jane Lee (Chief
//     Executive, Sefton CVS)"); a post or a body keeps its "and"
//     ("Director of Highways and Transport", "Merseyside Fire and Rescue
//     Service"); "Mr and Mrs Smith" are "Mr Smith" and "Mrs Smith", and
//     "Dr and Mrs Patel" "Dr Patel" and "Mrs Patel": two titles of one
//     surname are two people unless both print the same forenames; a
//     chair named by a label above "Present:" ("Chair: Mr R Halloran")
//     is listed as "Mr R Halloran (Chair)", unless the minutes record
//     their apologies or another in the chair. Whoever the minutes say
//     took the chair before any business was resolved ("Councillor Lee
//     took the chair.", "In the absence of the Chair, Councillor Lee
//     (Vice-Chair) presided.", "Councillor Lee in the Chair") is listed
//     first as "Cllr D Lee (in the Chair)"; taking it part way ("for item
//     7", "for the remainder of the meeting", "then took the chair")
//     changes no one's entry and stays in the narrative.
//     Under "(Present = *)" only the members marked "*" are listed. The
//     public and the press counted by number ("2 members of the public")
//     are not listed.
//   - Person.Organisation is the text printed in brackets after a name,
//     whatever it says ("SWACA", "Town Clerk").
//   - Minute.Parts, when present, has one list per entry of Resolutions, in
//     the same order; a resolution without numbered parts has an empty list.
//   - Minute.RecordedAs, when present, has the word each entry of
//     Resolutions was recorded under, in capitals: "RESOLVED", or
//     "DECISION" for a cabinet's "DECISION:" or "Decision –", "AGREED"
//     for "AGREED:" printed as a label, a Scottish committee's "The
//     Committee agreed:-" or "The Committee agreed to …", and a board's
//     "NOTED … and AGREED that …" or "were AGREED as a correct record";
//     "NOTED" when what the body noted is the minute's outcome: "The
//     Board NOTED the action log." (the word in capitals, wherever it
//     stands; its text is what was noted, "The action log.", and any
//     sentence after it stays in the narrative), a parish's "Members
//     NOTED the report." or "NOTED:" (or "NOTED –", "Noted:") as a label
//     starting its line, or "The Committee noted the report." as the one
//     sentence of the last paragraph of a minute that resolved nothing.
//     "Members noted …", "The Committee noted that …" and a bare "Noted."
//     are narrative.
//     "RECOMMENDED" for a Northern Irish council committee's
//     "RECOMMENDED –" (or "Recommended: that …") as a label starting its
//     line, what the committee recommends to the Council; "It was
//     recommended that …" and an officer's "Recommended: Approve subject
//     to conditions." are narrative.
//     "RESOLVED FURTHER" for "RESOLVED FURTHER: That …" (or "Resolved
//     further that …", "RESOLVED FURTHER – to …") opening its line, and
//     "FURTHER RESOLVED" for "FURTHER RESOLVED: That …": the word is the
//     label, not the start of what was resolved. "It was further resolved
//     that …" is RESOLVED, and "Resolved further to the report, that …"
//     is RESOLVED with its text whole.
//   - Attendance printed in two columns keeps the second column in
//     brackets after the name when it is the person's body or post
//     ("Councillor Sian Carew (Fenmouth District Council)"), and is two
//     people when it is another name.
//   - Minutes.Actions holds the actions of "ACTION:" lines within the
//     minutes and of action tables (columns for the action, its owner
//     and its due date, or for the minute beside the action and one of
//     those or a subject, as a parish's "Subject | Minute | Action") up
//     to the end of the minutes, "The meeting closed" or not. A table's
//     minute column ("Minute", "Min No.") places each row under the
//     minute it names, a blank cell under the row above's; an "Item" or
//     "Agenda Item" column names agenda items, each under the minute the
//     minutes print it with ("[Item 5]", "P062/24 2. PLANNING") or the
//     minute of that number, and otherwise under none, with the item in
//     Action.Item and a warning. Without one, a table is under the
//     minute it is printed in, or the last. A table under "Actions"
//     without a heading row is read when a column holds due dates; the
//     owner's column is the one that reads as people (see owners.go),
//     among them the names ParseMinutesWith is given. An owner printed
//     by surname ("Frackelton", "Cllr Frackelton", "Insp. Holden") is
//     the one of those names with that surname, written as given, unless
//     the minutes list someone else of it; a surname two of them share
//     is kept as printed, with a warning.
//     The lines stay in the minute's narrative as well.
//   - Text after the last resolution of the last minute is dropped, because
//     in a pack it is the start of the next report.
//   - Agenda.NextMeetings holds "YYYY-MM-DDTHH:MM" local times, or just
//     "YYYY-MM-DD" when no time is printed with the date. They are read from
//     items titled like "Date of Next Meeting" or "Dates of Future Meetings".
package minutes
