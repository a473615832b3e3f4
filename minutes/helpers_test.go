package minutes

import (
	"os"
	"slices"
	"testing"
)

const packFile = "testdata/sefton-2022-03-17-pack.txt"

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// attendance is everyone m lists at the meeting: those present, then
// those in attendance.
func attendance(m *Minutes) []string {
	return append(slices.Clone(m.Present), m.InAttendance...)
}
