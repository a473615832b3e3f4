package commands

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Under a recorded decision, [Add an action] opens a small form for the
// action it gives someone: owner, due date and what is to be done.
const (
	addActionButton = "action.add_from_minute"
	addActionFormID = "action_add"
)

// minuteRef is what the button and the form carry: the minute by its
// committee, meeting day and number, which is how minutes are found.
type minuteRef struct {
	Committee int64  `json:"c"`
	Number    string `json:"n"`
	Year      int    `json:"y"`
	Month     int    `json:"m"`
	Day       int    `json:"d"`
}

func (ref minuteRef) heldOn() Date { return Date{ref.Year, time.Month(ref.Month), ref.Day} }

func addActionButtonFor(mi Minute) Button {
	v, _ := json.Marshal(minuteRef{Committee: mi.CommitteeID, Number: mi.Number, Year: mi.HeldOn.Year, Month: int(mi.HeldOn.Month), Day: mi.HeldOn.Day})
	return Button{Label: "Add an action", Action: addActionButton, Value: string(v)}
}

// refMinute reads a button's or form's minuteRef and finds the minute, for
// an officer or the chair of its committee pressing it in its channel.
func (s *Service) refMinute(ctx context.Context, r Request, value string) (Committee, Minute, error) {
	ref, ok := readMinuteRef(value)
	if !ok {
		return Committee{}, Minute{}, userErr("That button is out of date; record the action with `/action add MINUTE @owner DATE TEXT`.")
	}
	c, _, err := s.admitCarried(ctx, r, ref.Committee, Chairs, "record actions")
	if err != nil {
		return Committee{}, Minute{}, err
	}
	if c.ID != ref.Committee {
		return Committee{}, Minute{}, userErr("That button belongs to another committee's channel.")
	}
	ms, err := s.store.MinutesByNumber(ctx, c.ID, ref.Number, ref.heldOn(), 1)
	if err != nil {
		return Committee{}, Minute{}, err
	}
	if len(ms) == 0 {
		return Committee{}, Minute{}, userErr("Minute %s of %s is no longer on record.", Escape(ref.Number), ref.heldOn())
	}
	return c, ms[0], nil
}

// readMinuteRef reads the minuteRef a button or form carries. The value is
// the presser's to change: the day must be one the calendar has, as the
// records take no year before 1 nor a 13th month, and the number one the
// records can hold, as they refuse a NUL and the presser would be told
// they had failed. Not clean's own answer: a number it cut at a space
// keeps the space, which cleaning again would drop.
func readMinuteRef(value string) (minuteRef, bool) {
	var ref minuteRef
	if err := json.Unmarshal([]byte(value), &ref); err != nil || ref.Number == "" || len(ref.Number) > maxMinuteNumLen || unstorable(ref.Number) != "" ||
		ref.Year < 1 || ref.Year > 9999 || DateOf(ref.heldOn().Start(time.UTC), time.UTC) != ref.heldOn() {
		return minuteRef{}, false
	}
	return ref, true
}

// openAddActionForm is the [Add an action] button.
func openAddActionForm(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	c, mi, err := s.refMinute(ctx, r, value)
	if err != nil {
		return Reply{}, err
	}
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return Reply{}, err
	}
	opts := make([]Option, 0, len(members))
	for _, m := range members {
		if m.UserID != "" {
			opts = append(opts, Option{Value: m.UserID, Label: oneLine(m.Name)})
		}
	}
	return Reply{
		Visibility: Private,
		Text:       fmt.Sprintf("Opening the form to add an action under minute %s… (Where no form opens: `/action add %s %s @owner DATE TEXT`.)", Escape(mi.Number), mi.HeldOn.Start(time.UTC).Format("2006-01-02"), Escape(mi.Number)),
		Form: &Form{
			ID: addActionFormID, Title: "Add an action", Submit: "Add",
			Metadata: value,
			Fields: []Field{
				{ID: "owner", Label: "Owner", Kind: FieldSelect, Options: opts, Optional: true,
					Hint: fmt.Sprintf("A member of %s; or give a name below", c.Name),
					More: fmt.Sprintf("`/action add %s %s @owner DATE TEXT` in the channel names any member", mi.HeldOn.Start(time.UTC).Format("2006-01-02"), mi.Number)},
				{ID: "name", Label: "Or someone who is not a member, by name", Kind: FieldText, Optional: true, MaxLen: MaxNameLen},
				{ID: "due", Label: "Due by", Kind: FieldText, Hint: "e.g. 2027-03-01 or 1 March 2027"},
				{ID: "text", Label: "What is to be done", Kind: FieldTextArea, MaxLen: maxActionText,
					Hint: fmt.Sprintf("Minute %s, %s", mi.Number, mi.HeldOn)},
			},
		},
	}, nil
}

// submitAddActionForm receives the form: the same rules as /action add.
func submitAddActionForm(ctx context.Context, s *Service, r Request, sub Submission) (Reply, map[string]string, error) {
	c, mi, err := s.refMinute(ctx, r, sub.Metadata)
	if err != nil {
		return Reply{}, nil, err
	}
	loc := c.Location()
	errs := map[string]string{}
	userID, name := sub.Value("owner"), clean(sub.Value("name"), MaxNameLen)
	switch {
	case userID != "" && name != "":
		errs["name"] = "Choose a member or give a name, not both."
	case userID == "" && name == "":
		errs["owner"] = "Choose the member the action is for, or give a name below."
	default:
		owner, ok, err := s.actionOwner(ctx, c, mi.MeetingID, userID, name)
		if meant := (*ownerMeantError)(nil); errors.As(err, &meant) {
			// A form's errors are plain text: the member is chosen above.
			names := make([]string, len(meant.meant))
			for i, m := range meant.meant {
				names[i] = m.Name + " (" + m.Organisation + ")"
			}
			choose := "Choose them above"
			if len(names) > 1 {
				choose = "Choose the one you mean above"
			}
			errs["name"] = fmt.Sprintf("%s is not a member: did you mean %s? %s; for someone not on the committee, give their organisation too: %s (Organisation).",
				name, joinOr(names), choose, name)
			break
		}
		if err != nil {
			return Reply{}, nil, err
		}
		if !ok {
			// Anyone in the workspace may be chosen, not only a member.
			was, err := s.store.WasMember(ctx, c.ID, userID)
			if err != nil {
				return Reply{}, nil, err
			}
			errs["owner"] = fmt.Sprintf("That person is not a member of %s; give their name below.", c.Name)
			if was {
				errs["owner"] = "That person is no longer a member; give their name below."
			}
		}
		userID, name = owner.UserID, owner.Name
	}
	due, dn, err := takeDate(strings.Fields(sub.Value("due")), r.Now, loc)
	switch {
	case err != nil:
		errs["due"] = dueError(err)
	case dn == 0 || due.IsNext() || dn != len(strings.Fields(sub.Value("due"))):
		errs["due"] = "Give the date the action is due by: 2027-03-01."
	case due.Start(loc).Before(DateOf(r.Now, loc).Start(loc)):
		errs["due"] = fmt.Sprintf("The due date, %s, is in the past.", due)
	}
	text := clean(sub.Value("text"), 0)
	switch {
	case text == "":
		errs["text"] = "Say what is to be done."
	case utf8.RuneCountInString(text) > maxActionText:
		errs["text"] = fmt.Sprintf("That is too long (%d characters; the limit is %d).", utf8.RuneCountInString(text), maxActionText)
	}
	if len(errs) > 0 {
		return Reply{}, errs, nil
	}
	reply, _, err := s.saveAction(ctx, c, r, mi, ActionPoint{CommitteeID: c.ID, OwnerUser: userID, OwnerName: name, Due: due, Text: text, CreatedBy: r.UserID})
	return reply, nil, err
}

// dueError is a refused due date as the form shows it, against the field:
// a form's errors are plain text (PlainCode). An action is never due at
// "the next meeting", which the form refuses, so what the commands say of
// `next` alone is left out.
func dueError(err error) string {
	return capitalise(PlainCode(strings.TrimSuffix(err.Error(), "; `next` alone is the next meeting"))) + "."
}
