package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/storage/pgtest"
)

// writePDF writes a one-page PDF printing lines in Helvetica, one under
// the other, with a running header and a page footer as councils print.
func writePDF(t *testing.T, path string, lines []string) {
	t.Helper()
	var content strings.Builder
	content.WriteString("BT /F1 10 Tf\n")
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	put := func(x, y int, s string) { fmt.Fprintf(&content, "1 0 0 1 %d %d Tm (%s) Tj\n", x, y, esc.Replace(s)) }
	put(60, 810, "Westfield Parish Council - Minutes")
	for i, l := range lines {
		put(60, 780-16*i, l)
	}
	put(270, 30, "Page 1 of 1")
	content.WriteString("ET")
	objs := []string{
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
		"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Contents 2 0 R /Resources << /Font << /F1 1 0 R >> >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Catalog /Pages 4 0 R >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 5 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestImportPDF(t *testing.T) {
	dir := t.TempDir()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		// pdftotext is optional (the quick start needs only Go and
		// PostgreSQL; CI and the Docker image install it): without it a
		// PDF is refused with how to read it, and the text files of the
		// same folder are still imported.
		t.Log("pdftotext is not installed, so this tests that PDFs are refused with a reason; install poppler-utils to test reading them")
		writePDF(t, filepath.Join(dir, "2023-06-05.pdf"), []string{"MINUTES"})
		if err := os.WriteFile(filepath.Join(dir, "2023-07-03.txt"), []byte(pdfFreeMinutes), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _, err := quorum(t, "", "import", "minutes", "--dry-run", dir, "--committee", "Westfield")
		if err == nil || !strings.Contains(err.Error(), "1 of 2 documents failed") {
			t.Errorf("err = %v, want 1 of 2 failed", err)
		}
		for _, want := range []string{"2023-06-05.pdf: reading a PDF needs pdftotext", "2023-07-03.txt  minutes  Westfield  2023-07-03"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		}
		return
	}
	writePDF(t, filepath.Join(dir, "2023-06-05.pdf"), []string{
		"MINUTES OF THE MEETING OF WESTFIELD PARISH COUNCIL",
		"HELD ON MONDAY 5 JUNE 2023 AT 7.30PM IN THE VILLAGE HALL",
		"Present: Cllr A Smith (Chair), Cllr B Jones",
		"1. APOLOGIES FOR ABSENCE",
		"Apologies were received from Cllr D White.",
		"2. DECLARATIONS OF INTEREST",
		"Cllr B Jones declared an interest in item 3.",
		"3. FINANCE",
		"RESOLVED: That the accounts be approved.",
	})
	// A damaged PDF fails on its own; the other is still read.
	if err := os.WriteFile(filepath.Join(dir, "empty.pdf"), []byte("%PDF-1.4\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	out, _, err := quorum(t, "", "import", "minutes", "--dry-run", dir, "--committee", "Westfield")
	if err == nil || !strings.Contains(err.Error(), "1 of 2 documents failed") {
		t.Errorf("err = %v, want 1 of 2 failed", err)
	}
	for _, want := range []string{
		"2023-06-05.pdf  minutes  Westfield  2023-06-05  3      1            1          1",
		"empty.pdf: pdftotext could not read it (exit status 1): it may be damaged or protected by a password; open it and save or print it as a new PDF, or as text, and import that\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// pdfFreeMinutes is a text document beside a PDF that cannot be read.
const pdfFreeMinutes = `MINUTES OF THE MEETING OF WESTFIELD PARISH COUNCIL
HELD ON MONDAY 3 JULY 2023 AT 7.30PM IN THE VILLAGE HALL
Present: Cllr A Smith (Chair), Cllr B Jones
1. APOLOGIES FOR ABSENCE
Apologies were received from Cllr D White.
2. FINANCE
RESOLVED: That the accounts be approved.
`

// TestImportPDFAfterStrayBytes: a PDF whose header comes after a few
// bytes (a line break a web page's script sent first, a mail gateway's
// line), as PDF readers and pdftotext accept within its first kilobyte,
// is read as the PDF it is, not refused as a Word document to be saved as
// PDF, nor read as text.
func TestImportPDFAfterStrayBytes(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	writePDF(t, plain, []string{
		"MINUTES OF THE MEETING OF WESTFIELD PARISH COUNCIL",
		"HELD ON MONDAY 5 JUNE 2023 AT 7.30PM IN THE VILLAGE HALL",
		"Present: Cllr A Smith (Chair), Cllr B Jones",
		"1. FINANCE",
		"RESOLVED: That the accounts be approved.",
	})
	b, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	_, pdftotextErr := exec.LookPath("pdftotext")
	for name, prefix := range map[string]string{"newline.pdf": "\r\n", "gateway.pdf": "\x00\x00X-Scanned: yes\n"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, append([]byte(prefix), b...), 0o644); err != nil {
			t.Fatal(err)
		}
		out, _, err := quorum(t, "", "import", "minutes", "--dry-run", path, "--committee", "Westfield")
		if pdftotextErr != nil {
			if err == nil || !strings.Contains(err.Error(), "reading a PDF needs pdftotext") {
				t.Errorf("%s: err = %v, want it read as a PDF, which needs pdftotext", name, err)
			}
			continue
		}
		if err != nil || !strings.Contains(out, "minutes  Westfield  2023-06-05") {
			t.Errorf("%s: err = %v, want it read as a PDF:\n%s", name, err, out)
		}
	}
}

// TestImportPDFThatIsNotOne: a file named .pdf that holds no PDF (the web
// page a council's site sent in its place, or anything else) is refused
// saying so, rather than read as text and
// refused for holding no agenda "in that text".
func TestImportPDFThatIsNotOne(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	for name, tc := range map[string]struct{ body, want string }{
		"agenda.pdf":  {"<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>\n", "the file is named .pdf but is a web page, not a PDF (an error or sign-in page the web site sent in the document's place?): download the PDF again"},
		"minutes.PDF": {"SAFER SEFTON TOGETHER\nThursday 9 December 2021\n1. Apologies\n", "the file is named .pdf but is not a PDF: open it to see what it is"},
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(tc.body), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, verb := range []string{"agenda", "minutes"} {
			_, _, err := quorum(t, dsn, "import", verb, path, "--committee", "Little Parva")
			if err == nil || !strings.Contains(err.Error(), path+": "+tc.want) {
				t.Errorf("import %s %s: err = %v, want %q", verb, name, err, tc.want)
			}
		}
	}
}

// TestImportFolderWithoutDocuments: a folder with no document quorum reads
// is refused naming the files it holds instead (a folder of Word
// documents, or minutes saved under hidden names), or saying it holds none.
func TestImportFolderWithoutDocuments(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	words := filepath.Join(dir, "words")
	dots := filepath.Join(dir, "dots")
	for _, d := range []string{empty, words, dots, filepath.Join(dots, ".git")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"2023-06-05.docx", "2023-09-04.docx", "2023-12-04.doc", "2024-03-04.docx", ".~lock.x#"} {
		if err := os.WriteFile(filepath.Join(words, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dots, ".2023-06-05.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{
		dots: "import minutes: no .txt, .text, .md or .pdf files under " + dots + ", only " + filepath.Join(dots, ".2023-06-05.txt") + ", " + filepath.Join(dots, ".git") +
			", whose names start with a dot and are not read (hidden files, as an editor's or version control's); name a document without the dot to import it",
		empty: "import minutes: no .txt, .text, .md or .pdf files under " + empty + ": it holds no files at all",
		words: "import minutes: no .txt, .text, .md or .pdf files under " + words + ", only " + filepath.Join(words, "2023-06-05.docx") + ", " +
			filepath.Join(words, "2023-09-04.docx") + ", " + filepath.Join(words, "2023-12-04.doc") + " and 1 more, which are not read: save Word documents as PDF or plain text, and import those",
	} {
		_, _, err := quorum(t, "", "import", "minutes", "--dry-run", dir, "--committee", "Westfield")
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
}
