package commands_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/minutes"
)

// TestImportedAttendanceShown: minutes in another council's style, their
// attendance a table of Yes under Present or Apologies and a declaration
// under an unnumbered heading, are imported with who was there and what
// was declared; the minutes print who was present as published, and
// /meeting attendance gives the imported list rather than saying that
// none was recorded.
func TestImportedAttendanceShown(t *testing.T) {
	k := committeeKit(t)
	r, _ := k.importMinutes(ian, readMinutesFile(k, "minutes-licensing-attendance-table.txt"))
	wantShown(t, r.Text, "2 minutes (LSC/13/26–LSC/14/26), 2 resolutions, 2 present, 1 apology, 1 declaration of interest.")
	// A row of a table whose marks are not read is for the officer to
	// check, not left out without a word.
	r, _ = k.importMinutes(ian, readMinutesFile(k, "minutes-attendance-ticks.txt"))
	if len(r.Sections) != 1 || r.Sections[0].Title != "Please check" {
		t.Fatalf("no Please check section: %+v", r)
	}
	wantShown(t, r.Sections[0].Text, `line 11: attendance table row not read: "Cllr H Lomax Maybe"`)
	day := "12/11/2026"
	wantShown(t, k.say(ian, "/meeting attendance "+day),
		"Attendance at the meeting of *Safer Sefton Together* on Thursday 12 November 2026, as the minutes imported for it record it:",
		"Present: Councillor T Hardy (Chair) and Councillor J Sayers.",
		"Apologies for absence were received from Mr N Frackelton (SWACA).")
	wantShown(t, k.say(ian, "/declare list "+day), "Councillor Hardy: personal interest")
	draft := k.say(ian, "/minutes draft "+day)
	inOrder(t, draft, "Published minutes.", "Present: Councillor T Hardy (Chair) and Councillor J Sayers.", "LSC/13/26. MINUTES OF THE PREVIOUS MEETING")
	if strings.Contains(draft, "DECLARATIONS OF INTEREST Councillor Hardy") {
		t.Errorf("the heading is in the declarer's name:\n%s", draft)
	}
}

// TestImportedAbsent: a member an attendance table marks Absent (absent
// without apologies) is recorded so for that meeting, counted in the
// import's reply, and shown as "Absent:" by /meeting attendance and the
// minutes, where they were left out altogether; minutes that mark no one
// absent say nothing of it.
func TestImportedAbsent(t *testing.T) {
	k := committeeKit(t)
	r, _ := k.importMinutes(ian, readMinutesFile(k, "minutes-attendance-ticks.txt"))
	wantShown(t, r.Text, "2 present, 1 apology, 1 absent,")
	day := "3/11/2026"
	wantShown(t, k.say(ian, "/meeting attendance "+day),
		"Present: Cllr R Patel (Chair) and Cllr S Okafor.",
		"Apologies for absence were received from Cllr D Whitlow.",
		"Absent: Cllr M Grange.")
	// After the apologies in the minutes too, not between them and
	// those present.
	inOrder(t, k.say(ian, "/minutes draft "+day), "Present: Cllr R Patel (Chair) and Cllr S Okafor.",
		"Apologies for absence were received from Cllr D Whitlow.", "Absent: Cllr M Grange.")
	r, _ = k.importMinutes(ian, readMinutesFile(k, "minutes-licensing-attendance-table.txt"))
	wantNotShown(t, r.Text, "no one is marked absent", "absent")
	day = "12/11/2026"
	wantNotShown(t, k.say(ian, "/meeting attendance "+day), "no one is marked absent", "Absent:")
	wantNotShown(t, k.say(ian, "/minutes draft "+day), "no one is marked absent", "Absent:")
}

// TestImportedAbsentList: minutes that print those absent as a list
// after those present ("Absent: Councillor P Kelly") record them absent,
// shown so by /meeting attendance and the minutes; the list was run on
// into the last name of those present, recording a person who never was.
func TestImportedAbsentList(t *testing.T) {
	k := committeeKit(t)
	r, _ := k.importMinutes(ian, "LICENSING SUB-COMMITTEE\n\nMINUTES OF THE MEETING HELD ON TUESDAY, 24 NOVEMBER 2026 AT 2.00 PM\n\n"+
		"Present: Councillor T Hardy (Chair), Councillor J Sayers\nAbsent: Councillor P Kelly\n\nApologies: Councillor M Dowd\n\n"+
		"1.  MINUTES\n\nRESOLVED: That the minutes be approved.\n")
	wantShown(t, r.Text, "2 present, 1 apology, 1 absent.")
	att := k.say(ian, "/meeting attendance 24/11/2026")
	wantShown(t, att, "Present: Councillor T Hardy (Chair) and Councillor J Sayers.",
		"Apologies for absence were received from Councillor M Dowd.", "Absent: Councillor P Kelly.")
	wantNotShown(t, att, "Sayers Absent")
	inOrder(t, k.say(ian, "/minutes draft 24/11/2026"), "Present: Councillor T Hardy (Chair) and Councillor J Sayers.",
		"Apologies for absence were received from Councillor M Dowd.", "Absent: Councillor P Kelly.")
}

// TestImportedSeedAttendance: the sample's own minutes of 9 December
// 2021 print fourteen present, which the minutes and /meeting
// attendance now give.
func TestImportedSeedAttendance(t *testing.T) {
	k := importedKit(t)
	inOrder(t, k.say(ian, "/minutes draft 9/12/2021"), "Published minutes.",
		"Present: Councillor Hardy (in the Chair), Councillor John Sayers,", "and Chief Inspector Tracy Trubshaw.",
		"Apologies for absence were received from")
	wantShown(t, k.say(neil, "/meeting attendance 9/12/2021"), "as the minutes imported for it record it:",
		"Present: Councillor Hardy (in the Chair), Councillor John Sayers,")
}

// TestImportedMinutesAsPrinted: minutes in another council's style
// ("Minute 47 Highways …", "Decision: …" then "ACTION: …") are shown in
// their own words and order: no "(Minute 31 of …)" line the document never
// printed above the text that names it, and the action printed after the
// decision stays after it.
func TestImportedMinutesAsPrinted(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-wirral-minute-headings.txt")
	draft := k.say(ian, "/minutes draft 17/11/2026")
	if strings.Contains(draft, "(Minute 31 of the meeting held on 13 October 2026.)") {
		t.Errorf("a reference line the document never printed:\n%s", draft)
	}
	inOrder(t, draft, "47. Highways Maintenance Programme 2027/28",
		"The Director of Neighbourhood Services introduced the report, which followed Minute 31 of the meeting held on 13 October 2026.",
		"DECISION:\nThat the programme be approved.",
		"ACTION: Director of Neighbourhood Services to report progress to the March meeting.",
		"48. Bus Lane Enforcement")
}

// TestImportedTextBetweenResolutions: a paragraph printed between two
// resolutions of an imported minute is shown between them, in the draft
// and on the printable page, each resolution under its word as printed;
// it was shown above both, as if said before either was made.
func TestImportedTextBetweenResolutions(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-licensing-text-between-resolutions.txt")
	draft := k.say(ian, "/minutes draft 24/11/2026")
	inOrder(t, draft, "The Licensing Manager presented the report.",
		"RESOLVED:", "(1) That the premises licence be granted.",
		"The applicant's agent then asked that the hours on Sundays be reduced, and the Sub-Committee agreed.",
		"RESOLVED:\nThat the licence hours on Sundays end at 10.00 pm.",
		"ACTION: The Licensing Manager to issue the licence.",
		"DECISION:\nThat the review be adjourned to 8 December 2026.",
		"The Chair reminded the parties that further representations must be made by 1 December 2026.",
		"DECISION:\nThat the Licensing Manager write to the parties with the date.")
}

// TestImportedBeforeReadsUnchanged: minutes imported by a release that
// read neither the text between resolutions nor who was marked absent,
// imported again as they are, are answered as already imported and left
// as they were; they were replaced, every minute deleted and rebuilt.
func TestImportedBeforeReadsUnchanged(t *testing.T) {
	for _, c := range []struct{ file, day string }{
		{"minutes-attendance-ticks.txt", "3/11/2026"},
		{"minutes-licensing-text-between-resolutions.txt", "24/11/2026"},
	} {
		t.Run(c.file, func(t *testing.T) {
			k := committeeKit(t)
			text := readMinutesFile(k, c.file)
			importMinutesFile(k, c.file)
			asEarlierRelease(t, k)
			draft, attendance := k.say(ian, "/minutes draft "+c.day), k.say(ian, "/meeting attendance "+c.day)
			ids := minuteIDs(t, k)
			r, _ := k.importMinutes(ian, text)
			wantShown(t, shown(r), "were already imported; nothing changed.")
			if got := minuteIDs(t, k); got != ids {
				t.Errorf("minutes %s rebuilt as %s", ids, got)
			}
			if got := k.say(ian, "/minutes draft "+c.day); got != draft {
				t.Errorf("draft changed from:\n%s\nto:\n%s", draft, got)
			}
			if got := k.say(ian, "/meeting attendance "+c.day); got != attendance {
				t.Errorf("attendance changed from:\n%s\nto:\n%s", attendance, got)
			}
		})
	}
}

// asEarlierRelease makes the one document imported look as a release
// that read neither text between resolutions nor those marked absent
// stored it: its hash of what was read, without warnings, and what was
// read, without either.
func asEarlierRelease(t *testing.T, k *kit) {
	t.Helper()
	storedAsBefore(t, k, nil)
	for _, q := range []string{`UPDATE resolutions SET after_text = ''`, `DELETE FROM meeting_attendance WHERE absent`} {
		if _, err := k.db.SQL().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// storedAsBefore replaces the record and hash of the one minutes document
// imported with those of an earlier release, which read no text between
// resolutions and no one marked absent, and read each minute as edit
// (when not nil) makes it.
func storedAsBefore(t *testing.T, k *kit, edit func(*minutes.Minute)) {
	t.Helper()
	var stored []byte
	if err := k.db.SQL().QueryRow(`SELECT record FROM minute_documents WHERE kind = 'minutes'`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	var read minutes.Minutes
	if err := json.Unmarshal(stored, &read); err != nil {
		t.Fatal(err)
	}
	read.Absent = nil
	// Nor those in attendance apart from those present (they followed
	// them), nor the closing line.
	read.Present, read.InAttendance, read.Closed = append(read.Present, read.InAttendance...), nil, ""
	for i := range read.Minutes {
		read.Minutes[i].Between = nil
		if edit != nil {
			edit(&read.Minutes[i])
		}
	}
	record, err := json.Marshal(read)
	if err != nil {
		t.Fatal(err)
	}
	read.Warnings = nil
	basis, err := json.Marshal(read)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(basis)
	if _, err := k.db.SQL().Exec(`UPDATE minute_documents SET sha256 = $1, record = $2, closing = '' WHERE kind = 'minutes'`, hex.EncodeToString(sum[:]), string(record)); err != nil {
		t.Fatal(err)
	}
	if _, err := k.db.SQL().Exec(`UPDATE meeting_attendance SET in_attendance = false`); err != nil {
		t.Fatal(err)
	}
}

// inAttendanceFile is minutes printing officers "In attendance:" apart
// from the members present, an action with its owner and deadline in its
// words, and when the meeting closed.
const inAttendanceFile = "minutes-partnership-in-attendance.txt"

// TestImportedInAttendance: the officers minutes list "In attendance:"
// are not counted or shown among those present: /meeting attendance and
// the minutes list them under In attendance, as the minutes of a meeting
// taken in Quorum do. The minutes end with when the meeting closed, as
// printed, and the action is listed as what is to be done, its owner and
// due date after it, not in its words as well.
func TestImportedInAttendance(t *testing.T) {
	k := committeeKit(t)
	r, _ := k.importMinutes(ian, readMinutesFile(k, inAttendanceFile))
	wantShown(t, r.Text, "2 present, 2 in attendance, 1 apology")
	present := "Present: Councillor M O'Neill (Chair) and Councillor T Byrne."
	officers := "In attendance: Ms A Kerr (Community Safety Manager) and Mr J Lee (Democratic Services Officer)."
	day := "4/11/2026"
	inOrder(t, k.say(ian, "/meeting attendance "+day), present, officers, "Apologies for absence were received from Councillor R Hughes.")
	draft := k.say(ian, "/minutes draft "+day)
	inOrder(t, draft, present, officers, "KNIFE CRIME PREVENTION PROGRAMME", "The meeting closed at 3.25 pm.")
	list := shown(k.run(ian, "/action list all"))
	wantShown(t, list, "Submit the funding bid — Ms A Kerr, due Thursday 31 December 2026")
	wantNotShown(t, list, "to submit the funding bid")
}

// TestInAttendanceImportedBeforeReadsUnchanged: minutes imported by a
// release that read those in attendance among those present, and no
// closing line, imported again as they are, are answered as already
// imported and left as they were; a re-issue of them replaces them, with
// those in attendance apart, and adds no second copy of their action.
func TestInAttendanceImportedBeforeReadsUnchanged(t *testing.T) {
	k := committeeKit(t)
	k.importMinutes(ian, readMinutesFile(k, inAttendanceFile))
	storedAsBefore(t, k, nil)
	if _, err := k.db.SQL().Exec(`UPDATE actions SET body = 'Ms A Kerr to submit the funding bid by 31 December 2026.'`); err != nil {
		t.Fatal(err)
	}
	day := "4/11/2026"
	attendance, ids := k.say(ian, "/meeting attendance "+day), minuteIDs(t, k)
	wantShown(t, attendance, "Present: Councillor M O'Neill (Chair), Councillor T Byrne, Ms A Kerr (Community Safety Manager) and Mr J Lee (Democratic Services Officer).")
	r, _ := k.importMinutes(ian, readMinutesFile(k, inAttendanceFile))
	wantShown(t, shown(r), "were already imported; nothing changed.")
	if got := minuteIDs(t, k); got != ids {
		t.Errorf("minutes %s rebuilt as %s", ids, got)
	}
	if got := k.say(ian, "/meeting attendance "+day); got != attendance {
		t.Errorf("attendance changed from:\n%s\nto:\n%s", attendance, got)
	}
	r, _ = k.importMinutes(ian, strings.Replace(readMinutesFile(k, inAttendanceFile), "be noted", "be noted with thanks", 1))
	wantShown(t, shown(r), "Replaced the earlier version", "no new actions (1 on record already)")
	wantShown(t, k.say(ian, "/meeting attendance "+day), "Present: Councillor M O'Neill (Chair) and Councillor T Byrne.",
		"In attendance: Ms A Kerr (Community Safety Manager) and Mr J Lee (Democratic Services Officer).")
	wantNotShown(t, shown(k.run(ian, "/action list all")), "• 2.")
}

// minuteIDs are the ids of the minutes on record, in order.
func minuteIDs(t *testing.T, k *kit) string {
	t.Helper()
	var ids string
	if err := k.db.SQL().QueryRow(`SELECT COALESCE(string_agg(id::text, ' ' ORDER BY id), '') FROM minutes`).Scan(&ids); err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestImportedResolvedFurther: minutes that resolve further under a label
// of its own ("RESOLVED FURTHER: That …", "FURTHER RESOLVED: That …") are
// quoted under that label, as printed; the further resolution read as
// "RESOLVED: FURTHER: That …", and one labelled the other way round was
// no resolution at all.
func TestImportedResolvedFurther(t *testing.T) {
	k := committeeKit(t)
	importMinutesFile(k, "minutes-scrutiny-resolved-further.txt")
	got := k.say(neil, "/resolution 22")
	inOrder(t, got, "RESOLVED: That the report be noted.",
		"RESOLVED FURTHER: That the Head of Communities report to the next meeting on how the outreach team is to be funded from April 2027.")
	got = k.say(neil, "/resolution 23")
	inOrder(t, got, "RESOLVED: That the Fire and Rescue Service be thanked for its bonfire night campaign.",
		"RESOLVED FURTHER: That the Committee write to the Minister asking for tighter controls on the sale of fireworks.",
		"FURTHER RESOLVED: That the letter be copied to the borough's Members of Parliament.")
	draft := k.say(ian, "/minutes draft 26/11/2026")
	inOrder(t, draft, "RESOLVED:\nThat the report be noted.",
		"Members asked whether the outreach team would continue after the grant ended in March.",
		"RESOLVED FURTHER:\nThat the Head of Communities report")
	for _, text := range []string{got, draft} {
		if strings.Contains(text, "FURTHER: That") && !strings.Contains(text, "RESOLVED FURTHER: That") || strings.Contains(text, ": FURTHER") {
			t.Errorf("the word FURTHER read as the start of a resolution:\n%s", text)
		}
	}
	// The minute is found by what it resolved further.
	wantShown(t, k.say(neil, "/resolution copied to the borough's Members of Parliament"), "FURTHER RESOLVED: That the letter be *copied*")
}

// TestResolvedFurtherImportedBeforeReadsUnchanged: minutes imported by a
// release that read "RESOLVED FURTHER: That …" as a resolution beginning
// "FURTHER: That …", imported again as they are, are answered as already
// imported and left as they were, not replaced as a re-issue.
func TestResolvedFurtherImportedBeforeReadsUnchanged(t *testing.T) {
	k := committeeKit(t)
	// Only RESOLVED FURTHER: the release before lost FURTHER RESOLVED
	// into the narrative, and a copy read with it is read differently.
	text := strings.Replace(readMinutesFile(k, "minutes-scrutiny-resolved-further.txt"),
		"FURTHER RESOLVED: That the letter be copied to the borough's Members of Parliament.\n", "", 1)
	if r, _ := k.importMinutes(ian, text); !strings.HasPrefix(r.Text, "Imported the minutes") {
		t.Fatalf("import: %q", r.Text)
	}
	// As the release before read them.
	earlier := map[string]string{
		"That the Head of Communities report to the next meeting on how the outreach team is to be funded from April 2027.": "FURTHER: That the Head of Communities report to the next meeting on how the outreach team is to be funded from April 2027.",
		"That the Committee write to the Minister asking for tighter controls on the sale of fireworks.":                    "further that the Committee write to the Minister asking for tighter controls on the sale of fireworks.",
	}
	storedAsBefore(t, k, func(m *minutes.Minute) {
		for i, w := range m.RecordedAs {
			if w == "RESOLVED FURTHER" {
				if m.Resolutions[i] = earlier[m.Resolutions[i]]; m.Resolutions[i] == "" {
					t.Fatalf("minute %s: no earlier reading of %q", m.Number, m.Resolutions[i])
				}
				m.RecordedAs[i] = "RESOLVED"
			}
		}
		if !slices.ContainsFunc(m.RecordedAs, func(w string) bool { return w != "RESOLVED" }) {
			m.RecordedAs = nil
		}
	})
	ids := minuteIDs(t, k)
	r, _ := k.importMinutes(ian, text)
	wantShown(t, shown(r), "were already imported; nothing changed.")
	if got := minuteIDs(t, k); got != ids {
		t.Errorf("minutes %s rebuilt as %s", ids, got)
	}
}
