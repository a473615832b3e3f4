package commands

import "strings"

// Failure is the reply for a request that failed before its command ran
// (the transport could not check it against the records, say), worded as
// a failure of the command itself would be: naming what the command would
// have saved, and nothing for a read, help or a mistyped command.
func (s *Service) Failure(r Request, err error, ref string) Reply {
	saves := ""
	if cmd, ok := s.commands[r.Command]; ok {
		sub, _, help, cerr := cmd.choose(strings.Fields(r.Text))
		if cerr == nil && !help && sub != nil && !sub.Read {
			saves = cmd.Saves
		}
	}
	return failureReply(err, saves, ref)
}
