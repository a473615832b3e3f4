package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/quorumhq/quorum/commands"
)

// reportLinks lists the report links standing for the next meeting as
// "item url".
func (k *kit) reportLinks() []string {
	k.t.Helper()
	return standing(k, k.db.ReportLinks, func(l commands.ReportLink) string { return l.Item + " " + l.URL })
}

func TestReport(t *testing.T) {
	k := agendaKit(t)

	k.marked()
	r := k.must(neil, "/report 7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG")
	if diff := cmp.Diff(r.Text, "Your report for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026 is attached.\n"+
		"Report: SWACA perspective on VAWG\nAddress: <https://example.org/swaca-vawg.pdf|https://example.org/swaca-vawg.pdf>"); diff != "" {
		t.Errorf("report (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(k.marked(), []string{ian, neil}); diff != "" {
		t.Errorf("a report refreshes the sender's Home and the officers' (-got +want):\n%s", diff)
	}
	k.steps([]step{
		{neil, "/report 7.5 https://example.org/swaca-vawg.pdf SWACA perspective on VAWG", []string{"You had already attached this report to Item 7.5 (SWACA) (on Monday 23 November 2026, 12:00); nothing changed."}},
		// Slack sends links in command text as <url> or <url|label>.
		{neil, "/report 7e <https://example.org/swaca-v2.pdf?a=1&amp;b=2|example.org/swaca-v2.pdf> SWACA v2", []string{
			"Your report for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026 is replaced (the earlier link stays in the history).",
			"Report: SWACA v2\nAddress: <https://example.org/swaca-v2.pdf?a=1&amp;b=2|https://example.org/swaca-v2.pdf?a=1&amp;b=2>"}},
		{sue, "/report 7.7 https://example.org/cvs|<!channel>", []string{"Report: https://example.org/cvs|&lt;!channel&gt;"}},
		// A bare link arrives with & as &amp;; the link kept is the one typed.
		{graeme, "/report 6 https://example.org/x?a=1&amp;b=2 - Policing report", []string{"Report: Policing report\nAddress: <https://example.org/x?a=1&amp;b=2|https://example.org/x?a=1&amp;b=2>"}},
	})
	if diff := cmp.Diff(k.reportLinks(), []string{"7.5 https://example.org/swaca-v2.pdf?a=1&b=2", "7.7 https://example.org/cvs|<!channel>", "6 https://example.org/x?a=1&b=2"}); diff != "" {
		t.Errorf("links stored (-got +want):\n%s", diff)
	}

	// The list, in agenda order; a replaced link is gone.
	list := k.say(graeme, "/report list")
	wantShown(t, list, "*Reports* — Safer Sefton Together, meeting on Thursday 10 December 2026, 10:00, Remote Meeting",
		"• Item 7.5 (SWACA): <https://example.org/swaca-v2.pdf?a=1&amp;b=2|SWACA v2> (example.org) — Neil Frackelton, Monday 23 November 2026, 12:00",
		"• Item 7.7 (Sefton CVS): https://example.org/cvs|&lt;!channel&gt; — Sue Holden")
	inOrder(t, list, "Item 6 ", "Item 7.5", "Item 7.7")
	if strings.Contains(list, "swaca-vawg") {
		t.Error("a replaced link is still listed")
	}

	// Missing reports: items with a presenter and no report, for officers.
	if diff := cmp.Diff(k.say(ian, "/report missing"), "*Reports missing* — meeting on Thursday 10 December 2026, 10:00, Remote Meeting\n"+
		"1 item with a presenter has no report yet:\n• Item 4 (Integrated Offender Management (IOM) Refresh Strategy) — Jen Williams (NW Probation)"); diff != "" {
		t.Errorf("missing (-got +want):\n%s", diff)
	}

	k.steps([]step{
		{neil, "/report remove 7.5", []string{"Your report for Item 7.5 (SWACA) is removed; `/history reports` shows it, and when you removed it."}},
		{neil, "/report remove 7.5", []string{"You have no report attached to Item 7.5 (SWACA) for the meeting on Thursday 10 December 2026."}},
		{neil, "/report remove", []string{"Say which item's report to remove, e.g. `/report remove 7.5`; an officer or the chair may add whose", "• `/report remove [DATE] ITEM [@member|\"Name (Organisation)\"]`"}},
		{ian, "/report missing", []string{"2 items with a presenter have no report yet:", "• Item 7.5 (SWACA) — Kate Ellis (SWACA)"}},
		{neil, "/report 9 https://example.org/r.pdf", []string{"Item 9 is not on the agenda for the meeting on Thursday 10 December 2026."}},
		{stranger, "/report 7.5 https://example.org/r.pdf", []string{"You are not a member of Safer Sefton Together."}},
		{neil, "/report 7.5", []string{"Give the report's web address after the item number.", "• `/report [DATE] ITEM URL [TITLE]`"}},
		{neil, "/report 7.5 https://example.org/r.pdf " + strings.Repeat("t", 201), []string{"That title is too long (201 characters; the limit is 200)."}},
		{neil, "/report list now", []string{"`list` takes only a date."}},
	})
	if diff := cmp.Diff(k.reportLinks(), []string{"7.7 https://example.org/cvs|<!channel>", "6 https://example.org/x?a=1&b=2"}); diff != "" {
		t.Errorf("links after removal (-got +want):\n%s", diff)
	}
	k.must(sue, "/report remove 7.7")
	k.must(graeme, "/report remove 6")
	wantShown(t, k.say(neil, "/report list"), "No reports have been attached yet.")

	// Every item with a presenter has its report: an officer may attach
	// any item's.
	for _, line := range []string{"4 https://example.org/iom.pdf", "6 https://example.org/p.pdf", "7.5 https://example.org/s.pdf", "7.7 https://example.org/c.pdf"} {
		k.must(ian, "/report "+line)
	}
	wantShown(t, k.say(ian, "/report missing"), "Every item with a presenter has a report attached.")
}

func TestReportRefusesHostileURLs(t *testing.T) {
	k := agendaKit(t)
	for name, tc := range map[string]struct{ text, want string }{
		"javascript":        {"7.5 javascript:alert(document.cookie) Report", "Only http and https links can be attached"},
		"javascript in <>":  {"7.5 <javascript:alert(1)|https://example.org> Report", "Only http and https links"},
		"file":              {"7.5 file:///etc/passwd", "Only http and https links"},
		"credentials":       {"7.5 https://user:pass@example.org/r.pdf", "That address carries a user name or password; share a link without them."},
		"breaks out":        {"7.5 https://a|b> Report", "not a web address"},
		"10 kB":             {"7.5 https://example.org/" + strings.Repeat("a", 3900), "too long"},
		"2001 bytes":        {"7.5 https://example.org/" + strings.Repeat("a", 2001-len("https://example.org/")), "That address is too long (2001 characters; the limit is 2000)."},
		"control character": {"7.5 https://example.org/\x1b[2J", "That text contains a control character, which cannot be stored: nothing was saved."},
		"no host":           {"7.5 https:///etc/passwd", "That address has no host"},
		"port 99999":        {"7.5 https://example.org:99999/x", "That address's port (99999) is not one a web address can have: ports run from 1 to 65535."},
		"port 0":            {"7.5 https://example.org:0/x", "ports run from 1 to 65535"},
		"no scheme":         {"7.5 example.org/x Report", "Give the full address, starting https://, e.g. `https://example.org/x`."},
		"no scheme, port":   {"7.5 example.org:8080/x", "Give the full address, starting https://, e.g. `https://example.org:8080/x`."},
		"no scheme, //":     {"7.5 //example.org/x", "Give the full address, starting https://, e.g. `https://example.org/x`."},
	} {
		t.Run(name, func(t *testing.T) {
			r := k.run(neil, "/report "+tc.text)
			if !r.Refused || !strings.Contains(r.Text, tc.want) {
				t.Errorf("got %q, want a refusal saying %q", r.Text, tc.want)
			}
		})
	}
	if got := k.reportLinks(); len(got) != 0 {
		t.Errorf("hostile links stored: %q", got)
	}
}

// An address with a tab, a line break or another kind of space in it is
// refused whole: it is never read cut short, with the rest for its title,
// and the link standing is kept.
func TestReportLinkBrokenBySpaceRefused(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/report 7.5 https://example.org/swaca.pdf SWACA")
	for _, sp := range []string{"\t", "\v", "\r", "\n", "\f", "\r\n", "\u0085", "\u00a0", "\u2003", "\u2028", "\u2029", "\u202f", "\u3000"} {
		r := k.run(neil, "/report 7.5 https://exa"+sp+"mple.org/x")
		if want := "That address is broken by a tab, a line break or another kind of space; a link cannot contain spaces or control characters, so send it again written in one piece."; !r.Refused || !strings.HasPrefix(r.Text, want) {
			t.Errorf("/report 7.5 https://exa%+qmple.org/x:\n%s\nwant a refusal starting %q", sp, r.Text, want)
		}
	}
	if diff := cmp.Diff(k.reportLinks(), []string{"7.5 https://example.org/swaca.pdf"}); diff != "" {
		t.Errorf("links stored (-got +want):\n%s", diff)
	}
	// Spaces after the address, and a line break after the whole text,
	// cut nothing short.
	k.steps([]step{
		{neil, "/report 7.5 https://example.org/v2.pdf   SWACA v2", []string{"Report: SWACA v2\nAddress: <https://example.org/v2.pdf|https://example.org/v2.pdf>"}},
		{neil, "/report 7.5 https://example.org/v3.pdf\n", []string{"Report: <https://example.org/v3.pdf|https://example.org/v3.pdf>"}},
	})
}

// A space typed in an address leaves the rest of the file's name as the
// title: refused, with the address as it must be typed.
func TestReportAddressWithASpaceRefused(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/report 7.7 https://example.org/a b.pdf", "A link cannot contain a space, and `b.pdf` looks like the rest of the address: type each space in it as %20, e.g. `https://example.org/a%20b.pdf`, then the title; if it is the title, put a dash before it: `https://example.org/a - b.pdf`."},
		{"/report 7.7 https://example.org/cvs/annual report 2026.DOCX CVS annual report", "e.g. `https://example.org/cvs/annual%20report%202026.DOCX`"},
	} {
		r := k.run(sue, tc.line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", tc.line, r.Text)
		}
		wantShown(t, shown(r), tc.want, "/report [DATE] ITEM URL [TITLE]")
	}
	if diff := cmp.Diff(k.reportLinks(), []string{}); diff != "" {
		t.Errorf("links stored (-got +want):\n%s", diff)
	}
	// An address that is a file's, or a title that names one after a
	// dash, is as typed.
	k.steps([]step{
		{sue, "/report 7.7 https://example.org/a.pdf b.pdf", []string{"Report: b.pdf\nAddress: <https://example.org/a.pdf|https://example.org/a.pdf>"}},
		{sue, "/report 7.7 https://example.org/cvs — annual.pdf", []string{"Report: annual.pdf\nAddress: <https://example.org/cvs|https://example.org/cvs>"}},
		{sue, "/report 7.7 https://example.org/cvs - annual report.pdf", []string{"Report: annual report.pdf\nAddress: <https://example.org/cvs|https://example.org/cvs>"}},
		{sue, "/report 7.7 https://example.org/a%20b.pdf CVS report", []string{"Report: CVS report\nAddress: <https://example.org/a%20b.pdf|https://example.org/a%20b.pdf>"}},
		// A title that is an address of its own is no part of the link's.
		{sue, "/report 7.7 https://example.org/x https://example.org/cvs.pdf", []string{"Report: report\nAddress: <https://example.org/x|https://example.org/x>"}},
	})
}

// The refusal of an address with a space in it shows the file's name as
// typed, an ampersand and all, so that the address it gives works when
// copied.
func TestReportAddressWithASpaceShownAsTyped(t *testing.T) {
	k := agendaKit(t)
	r := k.run(sue, "/report 7.7 https://example.org/minutes Q&amp;A notes.pdf")
	if !r.Refused {
		t.Fatalf("not refused:\n%s", r.Text)
	}
	wantShown(t, shown(r), "`Q&amp;A notes.pdf` looks like the rest of the address", "e.g. `https://example.org/minutes%20Q&amp;A%20notes.pdf`")
	if strings.Contains(r.Text, "&amp;amp;") {
		t.Errorf("the ampersand is shown escaped twice:\n%s", r.Text)
	}
}

// A sharing link names no file, so a title after it that names one is
// the file's name, not the rest of the address: SharePoint's and
// OneDrive's links, Google's, and any with a query, as councils send them.
func TestReportSharingLinkTitledWithAFileName(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/report 7.7 https://council.sharepoint.com/:b:/s/committee/EaBcD1fG?e=x7Yz Budget 2026.pdf", "Report: Budget 2026.pdf\nAddress: <https://council.sharepoint.com/:b:/s/committee/EaBcD1fG?e=x7Yz|https://council.sharepoint.com/:b:/s/committee/EaBcD1fG?e=x7Yz>"},
		{"/report 7.7 https://docs.google.com/document/d/1AbCdEfG/edit Minutes.docx", "Report: Minutes.docx\nAddress: <https://docs.google.com/document/d/1AbCdEfG/edit|https://docs.google.com/document/d/1AbCdEfG/edit>"},
		{"/report 7.7 https://drive.google.com/file/d/1AbCdEfG/view?usp=sharing Annual report.pdf", "Report: Annual report.pdf\nAddress: <https://drive.google.com/file/d/1AbCdEfG/view?usp=sharing|https://drive.google.com/file/d/1AbCdEfG/view?usp=sharing>"},
		{"/report 7.7 https://1drv.ms/b/s!AbCdEfG CVS report.docx", "Report: CVS report.docx\nAddress: <https://1drv.ms/b/s!AbCdEfG|https://1drv.ms/b/s!AbCdEfG>"},
		{"/report 7.7 https://example.org/reports/ CVS report.docx", "Report: CVS report.docx\nAddress: <https://example.org/reports/|https://example.org/reports/>"},
		{"/report 7.7 https://example.org/cvs/report.html Annual report.pdf", "Report: Annual report.pdf\nAddress: <https://example.org/cvs/report.html|https://example.org/cvs/report.html>"},
		{"/report 7.7 https://democracy.example.gov.uk/mgConvert2PDF.aspx Agenda pack.pdf", "Report: Agenda pack.pdf\nAddress: <https://democracy.example.gov.uk/mgConvert2PDF.aspx|https://democracy.example.gov.uk/mgConvert2PDF.aspx>"},
		// A query naming its file whole, or naming none, is a whole address.
		{"/report 7.7 https://example.org/getfile.php?name=Annual%20Report.pdf Annual report.pdf", "Report: Annual report.pdf\nAddress: <https://example.org/getfile.php?name=Annual%20Report.pdf|https://example.org/getfile.php?name=Annual%20Report.pdf>"},
		{"/report 7.7 https://example.org/getfile.php?id=4471 Annual report.pdf", "Report: Annual report.pdf\nAddress: <https://example.org/getfile.php?id=4471|https://example.org/getfile.php?id=4471>"},
		{"/report 7.7 https://example.org/getfile.php?name=Annual - Report.pdf", "Report: Report.pdf\nAddress: <https://example.org/getfile.php?name=Annual|https://example.org/getfile.php?name=Annual>"},
		// A number after file= or doc= is the file's id, not its name cut short.
		{"/report 7.7 https://example.org/download.aspx?doc=4471 Annual report.pdf", "Report: Annual report.pdf\nAddress: <https://example.org/download.aspx?doc=4471|https://example.org/download.aspx?doc=4471>"},
		{"/report 7.7 https://example.org/download.php?id=2&file=98 CVS report.docx", "Report: CVS report.docx\nAddress: <https://example.org/download.php?id=2&amp;file=98|https://example.org/download.php?id=2&amp;file=98>"},
		{"/report 7.7 https://example.org/ViewDocument.aspx?document=4f2a9c1e-77b0-4d2e-9a51-2f0f1c3d8e77 Budget report.pdf", "Report: Budget report.pdf\nAddress: <https://example.org/ViewDocument.aspx?document=4f2a9c1e-77b0-4d2e-9a51-2f0f1c3d8e77|https://example.org/ViewDocument.aspx?document=4f2a9c1e-77b0-4d2e-9a51-2f0f1c3d8e77>"},
	} {
		r := k.run(sue, tc.line)
		if r.Refused {
			t.Errorf("%s was refused:\n%s", tc.line, r.Text)
			continue
		}
		wantShown(t, shown(r), tc.want)
	}
}

// An address whose last part has a dot in it that is no page's or file's
// ending (a date, a version, "St.") still had a space typed in it when
// the words after it run up to a file's name: refused, not saved as a
// link to a page that is not there.
func TestReportAddressWithADottedPartAndASpaceRefused(t *testing.T) {
	k := agendaKit(t)
	for _, tc := range []struct{ line, want string }{
		{"/report 7.7 https://example.org/papers/12.03.2026 Cabinet report.pdf", "e.g. `https://example.org/papers/12.03.2026%20Cabinet%20report.pdf`"},
		{"/report 7.7 https://example.org/cvs/annual-report-v1.2 final.pdf", "e.g. `https://example.org/cvs/annual-report-v1.2%20final.pdf`"},
		{"/report 7.7 https://example.org/uploads/St. Helens CVS.pdf", "e.g. `https://example.org/uploads/St.%20Helens%20CVS.pdf`"},
		// A download address whose query names the file, cut at a space.
		{"/report 7.7 https://example.org/getfile.php?name=Annual Report.pdf", "e.g. `https://example.org/getfile.php?name=Annual%20Report.pdf`"},
		{"/report 7.7 https://example.org/download.aspx?id=12&File=CVS annual report.docx", "e.g. `https://example.org/download.aspx?id=12&amp;File=CVS%20annual%20report.docx`"},
		{"/report 7.7 <https://example.org/download.aspx?id=12&amp;File=CVS> annual report.docx", "e.g. `https://example.org/download.aspx?id=12&amp;File=CVS%20annual%20report.docx`"},
		// The address goes on past the file's name: more of the query, a fragment.
		{"/report 7.7 https://example.org/getfile.php?name=Annual Report.pdf&amp;id=4", "e.g. `https://example.org/getfile.php?name=Annual%20Report.pdf&amp;id=4`"},
		{"/report 7.7 https://example.org/getfile.php?name=Annual Report.pdf#page=2", "e.g. `https://example.org/getfile.php?name=Annual%20Report.pdf#page=2`"},
		{"/report 7.7 https://example.org/annual report.pdf?v=2", "e.g. `https://example.org/annual%20report.pdf?v=2`"},
	} {
		r := k.run(sue, tc.line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", tc.line, r.Text)
			continue
		}
		wantShown(t, shown(r), "looks like the rest of the address", tc.want)
	}
	if diff := cmp.Diff(k.reportLinks(), []string{}); diff != "" {
		t.Errorf("links stored (-got +want):\n%s", diff)
	}
}

// A link filed under a number no item had (as links from before items
// were kept, and as migration 00026 carries them into report_current) is
// shown on the item of that number once one is added, and its sender can
// remove it from there.
func TestUnfiledReportRemovedFromItsItem(t *testing.T) {
	k := agendaKit(t)
	if _, err := k.db.SQL().ExecContext(context.Background(), `
		WITH l AS (INSERT INTO report_links (meeting_id, item_number, item_id, member_key, user_id, name, url, by_user)
			VALUES ($1, '7.6', NULL, 'UNEIL', 'UNEIL', 'Neil Frackelton', 'https://example.org/unfiled.pdf', 'UNEIL') RETURNING *)
		INSERT INTO report_current (meeting_id, filed_on, member_key, item_number, item_id, user_id, name, url, title, action)
		SELECT meeting_id, 'number:7.6', member_key, item_number, item_id, user_id, name, url, title, action FROM l`, k.next().ID); err != nil {
		t.Fatal(err)
	}
	k.must(ian, "/agenda add 7.6 Youth Violence")
	if list := k.say(neil, "/report list"); !strings.Contains(list, "Item 7.6 (Youth Violence): <https://example.org/unfiled.pdf") {
		t.Fatalf("the link is not listed on 7.6: %s", list)
	}
	if got := k.say(neil, "/report remove 7.6"); !strings.Contains(got, "is removed") {
		t.Errorf("removing it: %q", got)
	}
	if list := k.say(neil, "/report list"); strings.Contains(list, "unfiled.pdf") {
		t.Errorf("still listed after removal: %s", list)
	}
}

// TestReportRemovalQueuesItsNotice: the message telling a member that an
// officer removed their report link is queued with the removal, not after
// it, so a removal never stands with the member untold.
func TestReportRemovalQueuesItsNotice(t *testing.T) {
	k := agendaKit(t)
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	k.sent()
	svc := commands.New(outboxAlone{k.db}, nil)
	r, err := svc.Run(context.Background(), k.request(ian, "/report remove 7.7 <@USUE>"))
	if err != nil {
		t.Fatalf("the removal failed: %v", err)
	}
	wantShown(t, shown(r), "Sue Holden's report for Item 7.7 (Sefton CVS) is removed", "that you removed it. They are told by direct message.")
	if got := actDMs(k.sent(), sue); len(got) != 1 || !strings.Contains(got[0], "<@UIAN> removed your report link for Item 7.7 (Sefton CVS)") {
		t.Errorf("Sue is told %q, want the removal", got)
	}
	// Her own removal tells no one.
	k.must(sue, "/report 7.7 https://example.org/cvs-2.pdf CVS report")
	k.sent()
	wantShown(t, k.say(sue, "/report remove 7.7"), "Your report for Item 7.7 (Sefton CVS) is removed")
	if got := k.sent(); len(got) != 0 {
		t.Errorf("her own removal sent %d messages", len(got))
	}
}

// TestReportForSomeone: an officer (or the chair) attaches a member's
// report on their behalf with `for` first, as for apologies and
// declarations: the link is the member's, clears the item's missing
// report, and its history says who entered it.
func TestReportForSomeone(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{ian, "/report for <@UGRAEME> 6 https://example.org/policing.pdf Policing update", []string{
			"The report of <@UGRAEME> for Item 6 (Local Policing Update) at the meeting on Thursday 10 December 2026 is attached. Its history says you entered it.",
			"Report: Policing update\nAddress: <https://example.org/policing.pdf|https://example.org/policing.pdf>"}},
		{ian, "/report for <@UGRAEME> 6 https://example.org/policing.pdf Policing update", []string{"The report of <@UGRAEME> for Item 6 (Local Policing Update) was already attached (on Monday 23 November 2026, 12:00); nothing changed."}},
		{ian, `/report for "Jen Williams (NW Probation)" 10/12/2026 4 https://example.org/iom.pdf`, []string{
			"The report of Jen Williams (NW Probation) for Item 4 (Integrated Offender Management (IOM) Refresh Strategy) at the meeting on Thursday 10 December 2026 is attached."}},
		{ian, "/report for <@UGRAEME> 6 https://example.org/policing-v2.pdf", []string{"The report of <@UGRAEME> for Item 6 (Local Policing Update) at the meeting on Thursday 10 December 2026 is replaced (the earlier link stays in the history). Its history says you entered it."}},
	})
	wantShown(t, k.say(graeme, "/report list"),
		"• Item 6 (Local Policing Update): <https://example.org/policing-v2.pdf|https://example.org/policing-v2.pdf> — Graeme Robson, Monday 23 November 2026, 12:00 — _entered by <@UIAN>_",
		"• Item 4 (Integrated Offender Management (IOM) Refresh Strategy): <https://example.org/iom.pdf|https://example.org/iom.pdf> — Jen Williams")
	missing := k.say(ian, "/report missing")
	if strings.Contains(missing, "Item 6") || strings.Contains(missing, "Item 4") {
		t.Errorf("reports entered for their presenters are still missing:\n%s", missing)
	}
	wantShown(t, k.say(graeme, "/history reports"), "submitted the report: https://example.org/policing-v2.pdf _(entered by <@UIAN>)_")
	// Graeme's own link for the item replaces the one entered for him.
	wantShown(t, k.say(graeme, "/report 6 https://example.org/policing-v3.pdf"), "Your report for Item 6 (Local Policing Update) at the meeting on Thursday 10 December 2026 is replaced")

	// The chair enters one for someone who may send it, as they would.
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	wantShown(t, k.say(sue, "/report for <@UNEIL> 7.5 https://example.org/swaca.pdf"), "The report of <@UNEIL> for Item 7.5 (SWACA)", "is attached. Its history says you entered it.")
	for _, c := range []struct{ user, line, want string }{
		{sue, "/report for <@UNEIL> 6 https://example.org/p.pdf", "<@UNEIL> may not send the report for Item 6 (Local Policing Update), so it cannot be entered for them. Only Graeme Robson, members from Merseyside Police or an officer can attach the report for Item 6 (Local Policing Update)."},
		{neil, "/report for <@UGRAEME> 6 https://example.org/p.pdf", "Only an officer or the chair of Safer Sefton Together can attach a report for someone else."},
		{ian, "/report for <@UJAN> 6 https://example.org/p.pdf", "<@UJAN> is not a member of Safer Sefton Together. Add them first (`/committee member add <@UJAN> ORGANISATION`), or enter it by name for someone not in Slack: `/report for \"Name (Organisation)\" …`."},
		{ian, "/report for graeme 6 https://example.org/p.pdf", "`/report for` names someone by mention or in quotes"},
		{ian, "/report for <@UGRAEME> 6", "Give the report's web address after the item number."},
		{ian, "/report for <@UGRAEME> 9 https://example.org/p.pdf", "Item 9 is not on the agenda for the meeting on Thursday 10 December 2026."},
		{ian, `/report for "Jen Williams 4 https://example.org/p.pdf`, `Put the person's name between quotes: for "Jen Williams (NW Probation)".`},
	} {
		r := k.run(c.user, c.line)
		if !r.Refused {
			t.Errorf("%s %s was not refused:\n%s", c.user, c.line, shown(r))
		}
		wantShown(t, shown(r), c.want)
	}
}

// TestReportRemovedForSomeone: what an officer or the chair entered for
// someone not in Slack, by name, they can remove again by that name; the
// chair, who attaches reports for members, removes them too, and the
// member is told. Other members still cannot remove someone else's.
func TestReportRemovedForSomeone(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS chair")
	k.must(ian, `/report for "Jen Williams (NW Probation)" 4 https://example.org/iom.pdf`)
	k.must(neil, "/report 7.5 https://example.org/swaca.pdf")
	k.sent()
	k.steps([]step{
		{graeme, "/report remove 7.5 <@UNEIL>", []string{"Only an officer or the chair can remove someone else's report link. You can remove your own with `/report remove 7.5`."}},
		{graeme, `/report remove 4 "Jen Williams"`, []string{"Only an officer or the chair can remove someone else's report link. You can remove your own with `/report remove 4`."}},
		{ian, `/report remove 4 "Jen Willams (NW Probation)"`, []string{"Jen Willams (NW Probation) has no report attached to Item 4 (Integrated Offender Management (IOM) Refresh Strategy) for the meeting on Thursday 10 December 2026."}},
		{ian, `/report remove 4 "Jen Williams (NW Probation)"`, []string{"Jen Williams's report for Item 4 (Integrated Offender Management (IOM) Refresh Strategy) is removed: <https://example.org/iom.pdf|https://example.org/iom.pdf>. `/history reports` keeps the link, and that you removed it."}},
		{sue, "/report remove 7.5 <@UNEIL>", []string{"Neil Frackelton's report for Item 7.5 (SWACA) is removed", "They are told by direct message."}},
	})
	if got := k.sent(); len(got) != 1 || got[0].UserID != neil {
		t.Errorf("messages sent on removal: %+v, want one to Neil", got)
	}
	wantShown(t, k.say(ian, `/history reports "Jen Williams"`), "item 4: report link of Jen Williams removed: https://example.org/iom.pdf _(removed by <@UIAN>)_")
	missing := k.say(ian, "/report missing")
	if !strings.Contains(missing, "Item 4") || !strings.Contains(missing, "Item 7.5") {
		t.Errorf("removed reports are not missing again:\n%s", missing)
	}
}

// Whose report to remove is named by mention: a member's name typed
// instead is answered with the member it may mean, and anything else
// with how to name them, not as if no item had been given; nothing is
// removed.
func TestReportRemoveNamesWhoseByMention(t *testing.T) {
	k := agendaKit(t)
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	for line, want := range map[string]string{
		"/report remove 7.7 sue":         "`sue` is not a mention: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>.",
		"/report remove 7.7 Sue Holden":  "`Sue Holden` is not a mention: did you mean Sue Holden (Sefton CVS)? Name them as <@USUE>.",
		"/report remove 7.7 the CVS one": "After the item, name whose report to remove by mention, e.g. `/report remove 7.7 @neil`, or someone not in Slack in quotes",
	} {
		r := k.run(ian, line)
		if !r.Refused || !strings.Contains(r.Text, want) {
			t.Errorf("%s: reply = %q\nwant a refusal saying %q", line, shown(r), want)
		}
	}
	if got, want := k.reportLinks(), []string{"7.7 https://example.org/cvs.pdf"}; !slices.Equal(got, want) {
		t.Errorf("report links = %q, want %q", got, want)
	}
}

// An address given without the item before it, or run into the item's
// number, is answered with where the number goes, not with the address
// quoted back as a number that is not one.
func TestReportAddressWithoutItsItem(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{neil, "/report <https://example.org/a.pdf>", []string{"Give the item's number before the address, as printed on the agenda: `/report ITEM https://example.org/a.pdf`, e.g. `/report 7.5 https://example.org/a.pdf`."}},
		{neil, "/report 10/12/2026 https://example.org/a.pdf SWACA", []string{"Give the item's number before the address"}},
		{neil, "/report 7.5https://example.org/a.pdf", []string{"Put a space between the item's number and the address: `/report 7.5 https://example.org/a.pdf`."}},
	})
	if got := k.reportLinks(); len(got) != 0 {
		t.Errorf("report links = %q, want none", got)
	}
}

// The help gives the form that takes the meeting's day, as the README
// does, since a report for a later meeting is sent so.
func TestReportHelpShowsTheDate(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{neil, "/report help", []string{"• `/report [DATE] ITEM URL [TITLE]`"}},
		{neil, "/report 7.5", []string{"Give the report's web address after the item number.", "• `/report [DATE] ITEM URL [TITLE]`"}},
		{neil, "/report 10/12/2026 7.5 https://example.org/swaca.pdf SWACA report", []string{"Your report for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026 is attached."}},
	})
}

// At the table, a link attached without a date goes to the meeting in
// progress, and removing it without a date takes it from there, not from
// the meeting after, where it never was.
func TestReportRemovedAtTheTable(t *testing.T) {
	k := agendaKit(t)
	k.must(ian, "/meeting schedule 2027-01-14 10:00")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	k.steps([]step{
		{sue, "/report 7.7 https://example.org/cvs.pdf CVS", []string{"at the meeting on Thursday 10 December 2026 is attached."}},
		{sue, "/report remove next 7.7", []string{"Item 7.7 is not on the agenda for the meeting on Thursday 14 January 2027."}},
		{sue, "/report remove 7.7", []string{"Your report for Item 7.7 (Sefton CVS) is removed"}},
		{sue, "/report list", []string{"meeting on Thursday 10 December 2026", "No reports have been attached yet."}},
		{sue, "/report help remove", []string{"Without one, the meeting in progress or today's waiting to be opened, else the next; `next` is the next even then."}},
		{sue, "/report help add", []string{"Attach the link to your report for an item of the meeting in progress, else of the next meeting;"}},
		{sue, "/report help", []string{"DATE is `next` or the meeting's day: 2026-12-10, 10/12/2026 (day first) or 10 December 2026. Without one, the meeting in progress or today's waiting to be opened, else the next"}},
	})
}

// A mention in a report's title ("Update from @sue") is kept as the name
// the sender saw: the title is the text of a link, where Slack's markup
// cannot show as a mention.
func TestReportTitleNamesAMention(t *testing.T) {
	k := agendaKit(t)
	wantShown(t, k.say(sue, "/report 7.7 https://example.org/cvs.pdf Update from <@USUE|sue>"), "Report: Update from @Sue Holden\n")
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	// At the table, the report takes one round trip.
	wantShown(t, k.say(sue, "/report 7.7 https://example.org/cvs2.pdf Figures for <@UNEIL|neil>"), "Report: Figures for @Neil Frackelton\n")
	if got := k.say(ian, "/report list"); strings.Contains(got, "&lt;@") {
		t.Errorf("the list shows mention markup:\n%s", got)
	}
}

// A title's length is that of the title kept, each mention named: Slack's
// markup for a mention, longer than the name, does not make a title that
// fits too long.
func TestReportTitleLengthIsOfTheNamesKept(t *testing.T) {
	k := agendaKit(t)
	title := strings.Repeat("x", 170) + " with "
	got := k.run(sue, "/report 7.7 https://example.org/cvs.pdf "+title+"<@UGRAEME|graeme.robson.merseyside.police>")
	if got.Refused {
		t.Fatalf("a title of %d characters, named, was refused:\n%s", len(title)+len("@Graeme Robson"), got.Text)
	}
	wantShown(t, shown(got), "Report: "+title+"@Graeme Robson\n")
	// Too long once named, it is refused, with its length as kept.
	long := strings.Repeat("x", 190) + " with "
	wantShown(t, k.say(sue, "/report 7.7 https://example.org/cvs.pdf "+long+"<@UGRAEME>"), fmt.Sprintf("That title is too long (%d characters; the limit is 200).", len(long)+len("@Graeme Robson")))
}

// Mention markup typed as text (which Slack sends escaped) in a report's
// title is kept as typed, not taken for a mention.
func TestReportTitleKeepsMarkupTypedAsText(t *testing.T) {
	k := agendaKit(t)
	got := k.say(sue, "/report 7.7 https://example.org/cvs.pdf Notes on &lt;@UNEIL&gt;")
	wantShown(t, got, "Report: Notes on &lt;@UNEIL&gt;\n")
	if strings.Contains(got, "Neil Frackelton") {
		t.Errorf("text typed as markup was taken for a mention:\n%s", got)
	}
}

// TestReportRefusedNamesEachPresenter: someone who may not send an item's
// report is told who may, each presenter by name, as the agenda prints
// them, with no stray space where their organisation was.
func TestReportRefusedNamesEachPresenter(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/committee member add <@USUE> Sefton CVS")
	k.must(ian, "/agenda add 4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams (NW Probation Lead), James Gillett (Police)")
	r := k.run(sue, "/report 4 https://example.org/iom.pdf")
	if !r.Refused {
		t.Fatalf("Sue's report for item 4 was not refused:\n%s", shown(r))
	}
	wantShown(t, shown(r), "Only Jen Williams, James Gillett, members from NW Probation Lead, members from Police or an officer can attach the report for Item 4")
}

// TestReportRemoveItemNotOnAgenda: removing the report of an item the
// agenda does not have is answered as attaching one is, with the items it
// has, not as though the item were there with no report.
func TestReportRemoveItemNotOnAgenda(t *testing.T) {
	k := agendaKit(t)
	for _, c := range []struct{ user, line string }{
		{neil, "/report remove 99"},
		{ian, "/report remove 99 <@UNEIL>"},
	} {
		r := k.run(c.user, c.line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", c.line, shown(r))
		}
		wantShown(t, shown(r), "Item 99 is not on the agenda for the meeting on Thursday 10 December 2026.", " Its items are 1, 2, 3, 4, 5, 6, 7, 7.5, 7.7.")
	}
}

// TestReportSubcommandSlip: `/report lsit` or `/report misisng` is a slip
// of a subcommand's name, answered with the subcommand meant rather than
// taken for an item number; nothing is attached.
func TestReportSubcommandSlip(t *testing.T) {
	k := agendaKit(t)
	for line, want := range map[string]string{
		"/report lsit":                        "I don't know `lsit`: did you mean `/report list`?\nUsage:\n• `/report list [DATE]`",
		"/report misisng":                     "I don't know `misisng`: did you mean `/report missing`?",
		"/report remvoe 7.5":                  "I don't know `remvoe`: did you mean `/report remove`?",
		"/report SWACA https://example.org/a": `"SWACA" is not an agenda item number`,
	} {
		r := k.run(ian, line)
		if !r.Refused || !strings.HasPrefix(r.Text, want) {
			t.Errorf("%s:\n%s\nwant a refusal starting %q", line, r.Text, want)
		}
	}
	if got := k.reportLinks(); len(got) != 0 {
		t.Errorf("refused links were attached: %q", got)
	}
}

// A report for an item taken off the agenda says so, and when, as a
// declaration for it does; so does one entered for someone.
func TestReportOnAnItemTakenOffTheAgenda(t *testing.T) {
	k := agendaKit(t)
	want := takeItem4Off(t, k)
	for _, line := range []struct{ user, text string }{
		{neil, "/report 4 https://example.org/iom.pdf"},
		{ian, "/report 4 https://example.org/iom.pdf"},
		{ian, "/report for <@UNEIL> 4 https://example.org/iom.pdf"},
		{neil, "/report remove 4"},
	} {
		r := k.run(line.user, line.text)
		if !r.Refused || r.Text != want {
			t.Errorf("%s (refused %v):\n got %s\nwant %s", line.text, r.Refused, r.Text, want)
		}
	}
	k.now = time.Date(2026, 12, 10, 9, 30, 0, 0, london)
	k.must(ian, "/meeting start")
	wantShown(t, k.say(ian, "/report 4 https://example.org/iom.pdf"), want)
}

// TestReportByNameJoinsTheCommittee: a report an officer attached by name
// for someone not in Slack ("Jen Williams (NW Probation)") is theirs once
// they are added to the committee: their Home no longer says they owe it,
// and the link they send themselves replaces it, as a member's second
// link replaces their first, rather than standing beside it.
func TestReportByNameJoinsTheCommittee(t *testing.T) {
	const jen = "UJEN"
	k := agendaKit(t)
	k.svc = commands.New(k.db, people{ian: "Ian Barton", neil: "Neil Frackelton", graeme: "Graeme Robson", sue: "Sue Holden", jen: "Jen Williams"})
	k.must(ian, `/report for "Jen Williams (NW Probation)" 4 https://example.org/iom.pdf`)
	k.must(ian, "/committee member add <@UJEN> NW Probation")

	for _, c := range homeAt(t, k, jen).Cards {
		for _, s := range c.Sections {
			if strings.Contains(s.Text, "Report owed for item 4") {
				t.Errorf("her Home says she owes the report entered for her:\n%s: %s", s.Title, s.Text)
			}
		}
	}
	wantShown(t, k.say(ian, "/report list"), "• Item 4 (Integrated Offender Management (IOM) Refresh Strategy): <https://example.org/iom.pdf|https://example.org/iom.pdf> — Jen Williams")

	wantShown(t, k.say(jen, "/report 4 https://example.org/iom-v2.pdf"),
		"Your report for Item 4 (Integrated Offender Management (IOM) Refresh Strategy) at the meeting on Thursday 10 December 2026 is replaced (the earlier link stays in the history).")
	if got, want := k.reportLinks(), []string{"4 https://example.org/iom-v2.pdf"}; !slices.Equal(got, want) {
		t.Errorf("report links = %q, want %q", got, want)
	}
	if missing := k.say(ian, "/report missing"); strings.Contains(missing, "Item 4") {
		t.Errorf("her report is missing:\n%s", missing)
	}
	wantShown(t, k.say(jen, "/report remove 4"), "Your report for Item 4")
	if got := k.reportLinks(); len(got) != 0 {
		t.Errorf("report links after she removed hers = %q, want none", got)
	}
}

// TestReportOfAMemberAddedBackEnteredByNameMeanwhile: a member whose link
// for an item stands from before they were removed, for whom an officer
// entered another by name meanwhile, added back, has one link for the
// item: the later, theirs to replace, with both in the history as theirs.
func TestReportOfAMemberAddedBackEnteredByNameMeanwhile(t *testing.T) {
	k := agendaKit(t)
	k.must(neil, "/report 2026-12-10 5 https://example.org/a.pdf")
	k.must(ian, "/committee member remove <@UNEIL>")
	k.must(ian, `/report for "Neil Frackelton (SWACA)" 2026-12-10 5 https://example.org/b.pdf`)
	k.must(ian, "/committee member add <@UNEIL> SWACA")

	list := k.say(ian, "/report list 2026-12-10")
	if strings.Contains(list, "a.pdf") || strings.Count(list, "Neil Frackelton") != 1 {
		t.Errorf("Neil Frackelton's reports for item 5, want the later one only:\n%s", list)
	}
	inOrder(t, k.say(ian, "/history reports"), "<@UNEIL> submitted the report: https://example.org/a.pdf",
		"<@UNEIL> submitted the report: https://example.org/b.pdf _(entered by <@UIAN>)_")
	wantShown(t, k.say(neil, "/report 2026-12-10 5 https://example.org/c.pdf"), "is replaced")
	if list := k.say(ian, "/report list 2026-12-10"); strings.Contains(list, "b.pdf") || strings.Count(list, "Neil Frackelton") != 1 {
		t.Errorf("Neil Frackelton's reports for item 5 after his own, want his own only:\n%s", list)
	}
}

// An address cut by a space in its host, just after it, or before its
// file's ending would be saved as a link to another host, or a page that
// is not there, with the rest of the address for its title; it is refused
// with the address written in one piece, and the good link attached
// before stays. A title after a dash, and a title that only starts with a
// number and a slash, are titles.
func TestReportAddressCutInItsHost(t *testing.T) {
	k := agendaKit(t)
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS report")
	for _, tc := range []struct{ line, want string }{
		{"/report 7.7 https://exa mple.org/cvs.pdf", "`mple.org/cvs.pdf` looks like the rest of the address: send it again written in one piece, e.g. `https://example.org/cvs.pdf`"},
		{"/report 7.7 https://www.sef ton.gov.uk/report CVS report", "e.g. `https://www.sefton.gov.uk/report`"},
		{"/report 7.7 https://www.sefton .gov.uk/report", "e.g. `https://www.sefton.gov.uk/report`"},
		{"/report 7.7 https://www.sefton.gov .uk/report", "e.g. `https://www.sefton.gov.uk/report`"},
		{"/report 7.7 https://www.sefton.gov.uk /council/meetings", "e.g. `https://www.sefton.gov.uk/council/meetings`"},
		{"/report 7.7 https://sefton. gov.uk/report.pdf", "e.g. `https://sefton.gov.uk/report.pdf`"},
		{"/report 7.7 https://www.sefton.gov.uk /report.pdf", "e.g. `https://www.sefton.gov.uk/report.pdf`"},
		{"/report 7.7 https://example.org/cvs .pdf", "e.g. `https://example.org/cvs.pdf`"},
		// As Slack sends them: what looks like an address, linked.
		{"/report 7.7 <https://exa> <http://mple.org/cvs.pdf|mple.org/cvs.pdf>", "`mple.org/cvs.pdf` looks like the rest of the address: send it again written in one piece, e.g. `https://example.org/cvs.pdf`"},
		{"/report 7.7 <https://www.sefton> .<http://gov.uk/report|gov.uk/report>", "e.g. `https://www.sefton.gov.uk/report`"},
	} {
		r := k.run(sue, tc.line)
		if !r.Refused {
			t.Errorf("%s was not refused:\n%s", tc.line, shown(r))
			continue
		}
		wantShown(t, shown(r), "looks like the rest of the address", tc.want)
	}
	if diff := cmp.Diff(k.reportLinks(), []string{"7.7 https://example.org/cvs.pdf"}); diff != "" {
		t.Errorf("links stored (-got +want):\n%s", diff)
	}
	wantShown(t, k.say(sue, "/report 7.7 https://example.org - mple.org/x"), "Address: <https://example.org|https://example.org>")
	wantShown(t, k.say(sue, "/report 7.7 https://example.org 2024/25 budget"), "Report: 2024/25 budget\nAddress: <https://example.org|https://example.org>")
}

// A meeting in progress takes the removal of a link as it took the link,
// past its starting time as before it: it is under way, not over.
func TestReportRemovedAtTheTableAfterItsStart(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 10, 9, 55, 0, 0, london)
	k.must(ian, "/meeting start")
	k.now = time.Date(2026, 12, 10, 10, 20, 0, 0, london)
	k.steps([]step{
		{sue, "/report 7.7 https://example.org/cvs.pdf CVS", []string{"at the meeting on Thursday 10 December 2026 is attached."}},
		{sue, "/report remove 7.7", []string{"Your report for Item 7.7 (Sefton CVS) is removed"}},
		{ian, "/report remove 10/12/2026 7.7 <@USUE|sue>", []string{"has no report attached to Item 7.7 (Sefton CVS) for the meeting on Thursday 10 December 2026."}},
		{sue, "/report list", []string{"meeting on Thursday 10 December 2026", "No reports have been attached yet."}},
	})
}

// A removal is stamped with the time of its request, as the link it
// removes was: the history does not put it before the link, whatever the
// database's clock says.
func TestReportRemovalIsStampedWithItsRequestsTime(t *testing.T) {
	k := agendaKit(t)
	k.now = time.Date(2026, 12, 10, 9, 0, 0, 0, london)
	k.must(sue, "/report 7.7 https://example.org/cvs.pdf CVS")
	k.now = time.Date(2026, 12, 10, 9, 5, 0, 0, london)
	k.must(sue, "/report remove 7.7")
	wantShown(t, k.say(sue, "/history reports"),
		"• 10 Dec 2026 09:00 — item 7.7: <@USUE> submitted the report: https://example.org/cvs.pdf (CVS)\n"+
			"• 10 Dec 2026 09:05 — item 7.7: report link of <@USUE> removed: https://example.org/cvs.pdf (CVS)")
}

// TestReportLinkMadeInSlacksComposer: a link the sender made in Slack's
// composer arrives with the words they gave it, spaces and all
// ("<https://…|SWACA perspective on VAWG>"): it is attached, with those
// words for its title, from the member and from an officer for them.
func TestReportLinkMadeInSlacksComposer(t *testing.T) {
	k := agendaKit(t)
	k.steps([]step{
		{neil, "/report 7.5 <https://example.org/swaca-vawg.pdf|SWACA perspective on VAWG>", []string{
			"Your report for Item 7.5 (SWACA) at the meeting on Thursday 10 December 2026 is attached.",
			"Report: SWACA perspective on VAWG\nAddress: <https://example.org/swaca-vawg.pdf|https://example.org/swaca-vawg.pdf>"}},
		{ian, "/report for <@USUE> 7.7 <https://example.org/cvs.pdf|Sefton CVS &amp; partners>", []string{"Report: Sefton CVS &amp; partners\nAddress: <https://example.org/cvs.pdf|https://example.org/cvs.pdf>"}},
	})
	if diff := cmp.Diff(k.reportLinks(), []string{"7.5 https://example.org/swaca-vawg.pdf", "7.7 https://example.org/cvs.pdf"}); diff != "" {
		t.Errorf("links stored (-got +want):\n%s", diff)
	}
}

// TestReportAfterThePresenterIsRemoved: the member who presents an item
// leaves the committee and another of their organisation takes their
// place: the new representative sends the item's report, as they could
// while the presenter was a member, rather than be sent to the member
// removed; a member of another organisation is still refused.
func TestReportAfterThePresenterIsRemoved(t *testing.T) {
	k := meetingKit(t)
	k.must(ian, "/agenda add 7.5 SWACA update — Neil Frackelton")
	k.must(ian, "/committee member add <@UKATE|kate> SWACA")
	k.must(ian, "/committee member remove <@UNEIL>")
	wantShown(t, k.say("UKATE", "/report 7.5 https://example.org/swaca-new.pdf SWACA update"), "Your report for Item 7.5 (SWACA update)")
	r := k.run(graeme, "/report 7.5 https://example.org/p.pdf")
	if !r.Refused {
		t.Errorf("Graeme (Merseyside Police) attached SWACA's report:\n%s", shown(r))
	}
	wantShown(t, shown(r), "Only Neil Frackelton, members from SWACA or an officer can attach the report for Item 7.5 (SWACA update).")
	wantShown(t, k.say(ian, "/report list"), "Item 7.5 (SWACA update)", "swaca-new.pdf")
}
