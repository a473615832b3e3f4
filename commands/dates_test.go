package commands

import (
	"strings"
	"testing"
	"time"
)

func TestTakeDate(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	cases := []struct {
		in      string
		want    Date
		used    int
		wantErr string
	}{
		{"", Date{}, 0, ""},
		{"Unwell", Date{}, 0, ""},
		{"next Unwell", Date{}, 1, ""},
		{"today", Date{2026, 11, 23}, 1, ""},
		{"tomorrow", Date{2026, 11, 24}, 1, ""},
		{"2026-12-10 10:00", Date{2026, 12, 10}, 1, ""},
		{"10/12/2026 Attending court", Date{2026, 12, 10}, 1, ""}, // day first
		{"09/06/2022", Date{2022, 6, 9}, 1, ""},
		{"10.12.26", Date{2026, 12, 10}, 1, ""},
		{"10 December", Date{2026, 12, 10}, 2, ""},
		{"10 December 2027 Unwell", Date{2027, 12, 10}, 3, ""},
		{"Thursday 10th December, 2026", Date{2026, 12, 10}, 4, ""},
		{"9th of June 2022", Date{2022, 6, 9}, 4, ""},
		{"December 10", Date{2026, 12, 10}, 2, ""},
		{"1 Nov", Date{2026, 11, 1}, 2, ""},              // nearest: earlier this month
		{"14 Jan", Date{2027, 1, 14}, 2, ""},             // nearest: next year
		{"29 February", Date{2028, 2, 29}, 2, ""},        // the nearest year that has one
		{"31/02/2026", Date{}, 0, "no 31 February 2026"}, // impossible
		{"2026-02-30", Date{}, 0, "no 30 February 2026"},
		{"31 June 2027", Date{}, 0, "no 31 June 2027"},
		{"13/13/2026", Date{}, 0, "no month 13"},
		{"10:00", Date{}, 0, ""},
		{"14/01 Holiday", Date{2027, 1, 14}, 1, ""}, // no year: the nearest
		{"1/11", Date{2026, 11, 1}, 1, ""},
		{"31/02", Date{}, 0, "no 31 February"},
		{"14/13", Date{}, 0, "no month 13"},
		{"1/1/99999", Date{}, 0, "not a date"},
		{"Thursday", Date{}, 0, ""},
	}
	for _, tc := range cases {
		got, used, err := takeDate(strings.Fields(tc.in), now, london)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("takeDate(%q) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want || used != tc.used {
			t.Errorf("takeDate(%q) = %v, %d, %v; want %v, %d", tc.in, got, used, err, tc.want, tc.used)
		}
	}
}

func TestTakeClock(t *testing.T) {
	cases := []struct {
		in      string
		want    Clock
		used    int
		wantErr bool
	}{
		{"10:00", Clock{10, 0}, 1, false},
		{"10.00am Bootle", Clock{10, 0}, 1, false},
		{"10.00 am", Clock{10, 0}, 2, false},
		{"2.30pm", Clock{14, 30}, 1, false},
		{"2 pm", Clock{14, 0}, 2, false},
		{"12pm", Clock{12, 0}, 1, false},
		{"12am", Clock{0, 0}, 1, false},
		{"14:30", Clock{14, 30}, 1, false},
		{"10", Clock{}, 0, false},
		{"Remote", Clock{}, 0, false},
		{"25:00", Clock{}, 0, true},
		{"13pm", Clock{}, 0, true},
		{"10:75", Clock{}, 0, true},
	}
	for _, tc := range cases {
		got, used, err := takeClock(strings.Fields(tc.in))
		if (err != nil) != tc.wantErr || got != tc.want || used != tc.used {
			t.Errorf("takeClock(%q) = %v, %d, %v; want %v, %d, error %v", tc.in, got, used, err, tc.want, tc.used, tc.wantErr)
		}
	}
}

func TestMeetingTimesFollowTheClockChange(t *testing.T) {
	// 10:00 in London is 10:00 GMT in winter and 09:00 UTC in summer.
	winter := Date{2027, 3, 18}.At(Clock{10, 0}, london)
	summer := Date{2027, 4, 1}.At(Clock{10, 0}, london)
	if got := winter.UTC().Hour(); got != 10 {
		t.Errorf("18 March 2027 10:00 London = %d:00 UTC, want 10:00", got)
	}
	if got := summer.UTC().Hour(); got != 9 {
		t.Errorf("1 April 2027 10:00 London = %d:00 UTC, want 09:00", got)
	}
}

// TestReminderAtATimeTheClocksPassTwice: a reminder at 01:30 on the day the
// clocks go back goes at the first 01:30, as a meeting at that time is.
func TestReminderAtATimeTheClocksPassTwice(t *testing.T) {
	starts := Date{2027, 11, 1}.At(Clock{10, 0}, london)
	if got, want := ReminderDue(starts, 1, Clock{1, 30}, london), time.Date(2027, 10, 31, 0, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("the reminder at 01:30 the day before is due at %s, want %s (01:30 BST)", got.UTC(), want)
	}
	if got, want := ReminderDue(starts, 7, Clock{9, 0}, london), time.Date(2027, 10, 25, 8, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("the 7-day reminder is due at %s, want %s (09:00 BST)", got.UTC(), want)
	}
}
