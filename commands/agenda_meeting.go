package commands

import (
	"context"
	"errors"
	"time"
)

// agendaMeeting is the meeting an agenda change is for: the one on the
// DATE in's words start with, or the next; it must still be open. The
// date is taken off in.Args, so the handler reads the rest as before.
func (s *Service) agendaMeeting(ctx context.Context, in *Input) (Meeting, error) {
	d, n, err := agendaDate(in.Args, in.Now, in.Committee.Location())
	if err != nil {
		return Meeting{}, err
	}
	in.Args = in.Args[n:]
	var m Meeting
	if d.IsNext() {
		m, err = s.meetingSaid(ctx, in, d, n > 0)
	} else {
		m, err = s.meetingFor(ctx, in.Committee, d, in.Now)
	}
	if err != nil {
		return Meeting{}, err
	}
	// Opened, even before its advertised start, it has started: the item
	// under discussion, and the declarations the quorum of each item
	// counts, keep their numbers until it closes. Said first, since a
	// meeting in progress has not "already taken place".
	in.agendaRefused = "its agenda cannot be changed, and nothing was changed" + nextHint(d, n, "/agenda "+in.sub.Name+" next …")
	in.agendaRunning = in.agendaRefused
	if in.sub.Name == "add" {
		// An officer adding an item to the meeting in progress most often
		// has business that cannot wait: the way in is urgent business,
		// not the next meeting's agenda.
		in.agendaRunning = "its agenda cannot be changed, and nothing was changed. " + urgentHint + nextHint(d, n, "/agenda add next …")
	}
	if err := s.notUnderWayOr(ctx, in.Committee, m, in.agendaRefused, in.agendaRunning); err != nil {
		return Meeting{}, err
	}
	return m, openMeeting(in.Committee, m, in.Now)
}

// changeAgenda makes changes to the agenda of *m, the meeting
// agendaMeeting found, for in's sender. Whether m is under way is
// settled again as the changes are written, under the lock that orders
// changes to its agenda: a meeting opened or cancelled while they
// waited their turn, after agendaMeeting found it not yet opened and
// scheduled, keeps its agenda, and the refusal is the one agendaMeeting
// gives. One moved meanwhile is the same meeting, and takes the changes;
// *m is read again after them, so that the answer names the day it is
// on now.
func (s *Service) changeAgenda(ctx context.Context, in *Input, m *Meeting, changes []AgendaChange) error {
	for i := range changes {
		changes[i].At = in.Now
	}
	err := s.store.ChangeAgenda(ctx, m.ID, changes, in.UserID)
	if err == nil {
		if now, rerr := s.store.Meeting(ctx, m.ID); rerr == nil {
			*m = now
		}
		return nil
	}
	if under := (*MeetingUnderWay)(nil); errors.As(err, &under) {
		running := in.agendaRunning
		if running == "" {
			running = in.agendaRefused
		}
		return sittingErr(in.Committee, under.StartsAt, under.Opened, under.Closed, in.agendaRefused, running)
	}
	if errors.Is(err, ErrConflict) {
		// Cancelled meanwhile, it is refused as agendaMeeting refuses
		// it now; otherwise the conflict is the caller's to tell.
		if now, rerr := s.store.Meeting(ctx, m.ID); rerr == nil && now.Status == MeetingCancelled {
			return openMeeting(in.Committee, now, in.Now)
		}
	}
	return err
}

// nextHint is what a refusal for the meeting in progress adds when no
// date was given (n words read as one, d the date): how to act on the
// meeting after it instead, as the example does.
func nextHint(d Date, n int, example string) string {
	if !d.IsNext() || n > 0 {
		return ""
	}
	return " (`" + example + "` is for the meeting after it)"
}

// agendaDateWord is the DATE to give in a command the reply suggests for
// m's agenda: "" for the next meeting, which needs none, otherwise " " and
// the date, so that following the suggestion cannot change the next
// meeting's agenda instead of m's.
func agendaDateWord(in *Input, m Meeting) string {
	if in.Next != nil && in.Next.ID == m.ID {
		return ""
	}
	return " " + m.StartsAt.In(in.Committee.Location()).Format("2006-01-02")
}

// agendaDate reads the date an agenda change's words may start with, and
// says how many words it took. Words that read as a date are taken as one
// only when an item number follows them, or nothing does: in `/agenda add
// 7 May Elections` the date-like "7 May" is item 7's number and the start
// of its title.
func agendaDate(words []string, now time.Time, loc *time.Location) (Date, int, error) {
	d, n, err := takeDate(words, now, loc)
	if err != nil {
		return Date{}, 0, badArgs(err)
	}
	if n > 0 && n < len(words) {
		if _, err := ParseItemNumber(words[n]); err != nil {
			return Date{}, 0, nil
		}
	}
	return d, n, nil
}
