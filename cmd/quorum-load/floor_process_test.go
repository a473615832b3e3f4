package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/quorumhq/quorum/storage/pgtest"
)

// floorChildren lists the live child processes of this one that run "floor".
func floorChildren(t *testing.T) []string {
	t.Helper()
	var out []string
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 || f[1] != strconv.Itoa(os.Getpid()) || f[0] == "Z" {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "cmdline"))
		if strings.Contains(string(cmdline), "floor") {
			out = append(out, filepath.Dir(p)+" "+strings.ReplaceAll(string(cmdline), "\x00", " "))
		}
	}
	return out
}

// TestCompareFailedLeavesNoFloor: a comparison that fails
// after starting the floor (serve not answering the probe) leaves no floor
// process behind.
func TestCompareFailedLeavesNoFloor(t *testing.T) {
	dsn := pgtest.DSN(t)
	args := []string{"compare", "-target", "http://127.0.0.1:1", "-floor-database", dsn,
		"-team", "T1", "-channel", "C1", "-users", "2",
		"-concurrency", "1", "-rate", "10", "-duration", "100ms", "-rounds", "1"}
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut, func(string) string { return "secret" })
	if err == nil {
		t.Fatalf("compare against nothing succeeded:\n%s", out.String())
	}
	t.Logf("compare failed as expected: %v\n%s", err, errOut.String())
	if left := floorChildren(t); len(left) > 0 {
		t.Errorf("floor processes left running: %v", left)
	}
}

// TestCompareFloorThatCannotStart: a floor whose database
// cannot be reached fails compare with its own words, the password
// redacted, and leaves no process behind.
func TestCompareFloorThatCannotStart(t *testing.T) {
	args := []string{"compare", "-target", "http://127.0.0.1:1",
		"-floor-database", "postgres://someone:hunter2secret@127.0.0.1:1/x?sslmode=disable",
		"-team", "T1", "-channel", "C1", "-users", "2", "-rounds", "1"}
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut, func(string) string { return "secret" })
	if err == nil {
		t.Fatal("compare succeeded")
	}
	t.Logf("%v", err)
	if strings.Contains(err.Error()+errOut.String(), "hunter2secret") {
		t.Errorf("password shown: %v\n%s", err, errOut.String())
	}
	if left := floorChildren(t); len(left) > 0 {
		t.Errorf("floor processes left running: %v", left)
	}
}
