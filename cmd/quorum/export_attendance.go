package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/quorumhq/quorum/commands"
)

const exportAttendanceUsage = "quorum export attendance --committee NAME [--year YEAR] --csv"

// attendanceColumns are the columns of the attendance CSV.
var attendanceColumns = []string{"member", "member_id", "organisation", "expected", "attended", "remotely", "by_substitute", "apologies", "absent", "percent", "in_attendance"}

// exportAttendance writes each member's attendance statistics for a year
// as CSV: what /committee attendance shows, for the council's website.
func exportAttendance(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlags("export attendance", exportAttendanceUsage, stderr)
	name := fs.String("committee", "", "the committee's `NAME`")
	yearFlag := fs.String("year", strconv.Itoa(time.Now().Year()), "the `YEAR`")
	asCSV := fs.Bool("csv", false, "write CSV (the one format there is)")
	if err := fs.Parse(args); err != nil {
		return flagMistake(fs, err)
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("export attendance takes flags only (got %q)", fs.Arg(0))
	case strings.TrimSpace(*name) == "":
		return errors.New("export attendance: say which committee: --committee NAME")
	case !*asCSV:
		return errors.New("export attendance: say the format: --csv")
	}
	// Read here rather than by the flag package, whose refusal ("parse
	// error") does not say what a year looks like.
	year, err := strconv.Atoi(strings.TrimSpace(*yearFlag))
	if err != nil || year < 1990 || year > 2200 {
		return fmt.Errorf("export attendance: --year %q is not a year to export: try %d", *yearFlag, time.Now().Year())
	}
	db, c, closeDB, err := openCommittee(ctx, "export attendance", *name, stderr, getenv)
	if err != nil {
		return err
	}
	defer closeDB()
	members, recs, err := commands.New(db, nil).AttendanceYear(ctx, c, year)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		// As /committee attendance answers: with no meeting to count,
		// every member's figures would be 0, published as 0%.
		return fmt.Errorf("export attendance: no meeting of %s held in %d has attendance recorded (it is taken from /meeting start to /meeting close). Nothing was exported", c.Name, year)
	}
	out := csv.NewWriter(stdout)
	if err := out.Write(attendanceColumns); err != nil {
		return err
	}
	for _, st := range commands.AttendanceStats(members, recs) {
		row := []string{inert(st.Member.Name), st.Member.UserID, inert(st.Member.Organisation)}
		// in_attendance comes last, after the columns that came before it,
		// so that a sheet reading those by position reads them still.
		for _, n := range []int{st.Expected, st.Attended, st.Remotely, st.Substituted, st.Apologies, st.Absent} {
			row = append(row, strconv.Itoa(n))
		}
		row = append(row, st.PercentText(), strconv.Itoa(st.InAttendance))
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}
