package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// yearStartSubs are /committee year-start: shown alone, set by an officer.
func yearStartSubs() []Sub {
	return []Sub{{
		Name: "year-start", Alone: true,
		Usage:   []string{"/committee year-start"},
		Summary: "The month the committee's municipal year starts in, from which minutes are numbered afresh.",
		Read:    true, Run: showYearStart,
	}, {
		Name:     "year-start",
		Usage:    []string{"/committee year-start MONTH"},
		Summary:  "Set the month the municipal year starts in (May unless set): minute numbering starts again at 1 with the first meeting in it.",
		Examples: []string{"/committee year-start May", "/committee year-start April"},
		Who:      Officers, Doing: "change the municipal year", Run: setYearStart,
	}}
}

// ParseMonth reads a month: its name ("September", "sep", "sept.") or its
// number, 1 to 12.
func ParseMonth(text string) (time.Month, error) {
	w := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(text)), ".")
	if w == "" {
		return 0, errors.New("give the month, by name or number")
	}
	if m, ok := months[w]; ok {
		return m, nil
	}
	if n, err := strconv.Atoi(w); err == nil && n >= 1 && n <= 12 {
		return time.Month(n), nil
	}
	return 0, fmt.Errorf("%q is not a month", clip(text, 40))
}

func describeYearStart(c Committee, start time.Month) string {
	return fmt.Sprintf("The municipal year of *%s* starts in %s: minutes are numbered afresh from 1 at its first meeting in or after %s.",
		Escape(c.Name), start, start)
}

// showYearStart serves "/committee year-start".
func showYearStart(ctx context.Context, s *Service, in *Input) (Reply, error) {
	start, err := s.store.YearStart(ctx, in.Committee.ID)
	if err != nil {
		return Reply{}, err
	}
	return private("%s", describeYearStart(in.Committee, start)), nil
}

// setYearStart serves "/committee year-start MONTH".
func setYearStart(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c, r := in.Committee, in.Request
	m, err := ParseMonth(plain(in.Args))
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if err := s.store.SetYearStart(ctx, c.ID, m, r.UserID); err != nil {
		return Reply{}, err
	}
	return private("%s", describeYearStart(c, m)), nil
}
