package commands

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
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
	// ErrReplay: the request's Replay key was seen before; nothing was done.
	ErrReplay = errors.New("request already handled")
	// ErrUnchanged: a change asked to be made only if it changed something
	// (MinuteWrite.IfChanged, a minute's comment sent again) would not
	// have; nothing was written.
	ErrUnchanged = errors.New("nothing to change")
	// ErrMinutesChanged: the minutes of a meeting changed between what the
	// command read of them and the write (a minute's number it worked out
	// taken meanwhile by another); nothing was written. It is an
	// ErrConflict too.
	ErrMinutesChanged = fmt.Errorf("minutes changed meanwhile: %w", ErrConflict)
	// ErrLastOfficer: the change would leave the committee with no
	// officer; nothing was written. It is an ErrConflict too; any other
	// conflict in a change of members is not this, and is not answered
	// as if it were.
	ErrLastOfficer = fmt.Errorf("the last officer: %w", ErrConflict)
)

// UserError is a mistake the user can fix: the message says what was wrong
// and Usage shows the right form.
type UserError struct {
	Msg   string
	Usage []string
	// showUsage asks dispatch to fill in Usage with the usage of the
	// subcommand that failed.
	showUsage bool
}

func (e *UserError) Error() string { return e.Msg }

// userErr builds a UserError without usage lines.
func userErr(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// usageErr builds a UserError that shows the right form: the usage of the
// subcommand being run.
func usageErr(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), showUsage: true}
}

// badArgs is usageErr for a parser's error, made a sentence.
func badArgs(err error) error {
	msg := capitalise(err.Error())
	// A question ("did you mean …?") ends as it is.
	if !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return usageErr("%s", msg)
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

// FailureReply is the reply for an error from Run, Act or Submit, which is
// not the user's: the records could not be reached (nothing was saved, try
// again), or something unexpected happened, identified by ref so an
// operator can find it in the logs. It names what was not saved, e.g.
// "your apology", as the command declares, and nothing for reads.
func FailureReply(err error, ref string) Reply {
	what := "your change"
	var f *failed
	if errors.As(err, &f) {
		what = f.saves
	}
	return failureReply(err, what, ref)
}

// failureReply is FailureReply for a failure that did not save what; what
// is empty for reads.
func failureReply(err error, what, ref string) Reply {
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

// NewRef is a fresh reference for a failure, shown to the user and logged
// with the error so that an operator can find one from the other. Eight
// hex digits: among a thousand failures two share one with a chance of
// about one in ten thousand (four digits repeated nine times in 1,054).
func NewRef() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
