package commands

import (
	"context"
	"errors"
	"fmt"
)

// Errors that Store implementations return, wrapped, so that commands can
// tell the user what happened.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the change would break a uniqueness rule.
	ErrConflict = errors.New("conflict")
	// ErrUnavailable: the database could not be reached or did not answer
	// in time. Nothing was saved.
	ErrUnavailable = errors.New("committee records unavailable")
	// ErrInDoubt: the database stopped answering while a change was being
	// committed, so whether it was saved cannot be known. It always comes
	// with ErrUnavailable.
	ErrInDoubt = errors.New("outcome of the commit unknown")
)

// UserError is a mistake the user can fix: the message says what was wrong
// and Usage shows the right form.
type UserError struct {
	Msg   string
	Usage []string
}

func (e *UserError) Error() string { return e.Msg }

// userErr builds a UserError without usage lines.
func userErr(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// usageErr builds a UserError that shows the given command's usage.
func usageErr(cmd *Command, format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), Usage: cmd.Usage}
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// IsUnavailable reports whether err means the records could not be reached
// in time, as opposed to a bug.
func IsUnavailable(err error) bool {
	return errors.Is(err, ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// FailureReply is the reply for an error that is not the user's: the
// records could not be reached (nothing was saved, try again), or something
// unexpected happened, identified by ref so an operator can find it in the
// logs. what names the record, e.g. "your apology"; empty for reads.
func FailureReply(err error, what, ref string) Reply {
	if errors.Is(err, ErrInDoubt) && what != "" {
		// Never "NOT saved" here: it may have been. Sending again is safe,
		// since sending the same thing twice changes nothing.
		return private("Sorry — the committee records stopped answering just as %s was being saved, so I cannot tell whether it was; please send it again.", what)
	}
	if IsUnavailable(err) {
		if what == "" {
			return private("Sorry — the committee records are unavailable right now; please try again in a minute.")
		}
		return private("Sorry — the committee records are unavailable, %s was NOT saved; please try again.", what)
	}
	if what == "" {
		return private("Sorry, that did not work (ref %s).", ref)
	}
	return private("Sorry, that did not work — %s was NOT saved (ref %s).", what, ref)
}
