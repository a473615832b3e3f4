package commands

import "context"

// agendaMeeting is the meeting an agenda change is for: the one on the
// DATE in's words start with, or the next; it must still be open. The
// date is taken off in.Args, so the handler reads the rest as before.
//
// Words that read as a date are taken as one only when an item number
// follows them, or nothing does: in `/agenda add 7 May Elections` the
// date-like "7 May" is item 7's number and the start of its title.
func (s *Service) agendaMeeting(ctx context.Context, in *Input) (Meeting, error) {
	d, n, err := in.takeDate()
	if err != nil {
		return Meeting{}, err
	}
	if n > 0 && n < len(in.Args) {
		if _, err := ParseItemNumber(in.Args[n]); err != nil {
			n, d = 0, Date{}
		}
	}
	in.Args = in.Args[n:]
	if d.IsNext() {
		return s.nextOpenMeeting(ctx, in)
	}
	m, err := s.meetingFor(ctx, in.Committee, d, in.Now)
	if err != nil {
		return Meeting{}, err
	}
	return m, openMeeting(in.Committee, m, in.Now)
}
