package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

func agendaCommand() *Command {
	return &Command{
		Name:    "/agenda",
		Summary: "See the agenda of a meeting; officers build it, import it and post it to the channel.",
		Saves:   "the change",
		Subs: []Sub{{
			Usage:    []string{"/agenda [DATE]"},
			Summary:  "Show the agenda of the next meeting, or the one on DATE, to you alone.",
			Examples: []string{"/agenda"},
			Read:     true, Run: showAgenda,
		}, {
			Name:     "post",
			Usage:    []string{"/agenda post [DATE]"},
			Summary:  "Post the agenda to the channel; posting again brings the posted message up to date.",
			Examples: []string{"/agenda post"},
			Who:      Officers, Doing: "post the agenda", Run: postAgenda,
		}, {
			Name:    "add",
			Usage:   []string{"/agenda add NUMBER TITLE [— PRESENTER]"},
			Summary: "Add an item to the next meeting's agenda; the presenter follows an em dash.",
			Examples: []string{
				"/agenda add 7.5 SWACA — Neil Frackelton",
				"/agenda add 4 Integrated Offender Management (IOM) Refresh Strategy — Jen Williams, James Gillett",
			},
			Who: Officers, Doing: "change the agenda", Run: addAgendaItem,
		}, {
			Name: "remove", Aliases: []string{"delete"},
			Usage:    []string{"/agenda remove NUMBER"},
			Summary:  "Take an item off the next meeting's agenda.",
			Examples: []string{"/agenda remove 7.5"},
			Who:      Officers, Doing: "change the agenda", Run: removeAgendaItem,
		}, {
			Name: "move", Aliases: []string{"renumber"},
			Usage:    []string{"/agenda move NUMBER NEW-NUMBER"},
			Summary:  "Renumber an item of the next meeting's agenda.",
			Examples: []string{"/agenda move 7a 7.10"},
			Who:      Officers, Doing: "change the agenda", Run: moveAgendaItem,
		}, {
			Name:    "import",
			Usage:   []string{"/agenda import"},
			Summary: "Open a form to paste a published agenda into.",
			Read:    true, Who: Officers, Doing: "import agendas", Run: openImportAgendaForm,
		}},
		Forms: map[string]FormHandler{importFormID: submitImportForm},
	}
}

// agendaKey names the channel message of a meeting's agenda.
func agendaKey(meetingID int64) string { return "agenda:" + strconv.FormatInt(meetingID, 10) }

// CurrentMessage is the message posted under key as it should read now,
// for the outbox to send at the moment it edits the message: an update
// built earlier may be older than the records (two changes at once can
// queue their snapshots in either order). ok is false for keys whose
// messages are not rebuilt; the queued text is sent as it is.
func (s *Service) CurrentMessage(ctx context.Context, key string) (reply Reply, ok bool, err error) {
	idText, found := strings.CutPrefix(key, "agenda:")
	if !found {
		return s.currentLive(ctx, key)
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return Reply{}, false, nil
	}
	m, err := s.store.Meeting(ctx, id)
	if err != nil {
		return Reply{}, false, err
	}
	c, err := s.store.CommitteeByID(ctx, m.CommitteeID)
	if err != nil {
		return Reply{}, false, err
	}
	reply, err = s.agendaReply(ctx, c, m)
	return reply, err == nil, err
}

func showAgenda(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	d, n, err := in.takeDate()
	if err != nil {
		return Reply{}, err
	}
	if n != len(in.Args) {
		return Reply{}, usageErr("I don't know `%s`.", Escape(strings.Join(in.Args, " ")))
	}
	m, err := s.meetingFor(ctx, c, d, in.Now)
	if err != nil {
		return Reply{}, err
	}
	reply, err := s.agendaReply(ctx, c, m)
	reply.Visibility = Private
	return reply, err
}

// agendaReply builds the agenda message of meeting m as it stands.
func (s *Service) agendaReply(ctx context.Context, c Committee, m Meeting) (Reply, error) {
	p, err := s.papersOf(ctx, m)
	if err != nil {
		return Reply{}, err
	}
	return AgendaReply(c, m, p.items, p.reports, p.apologies, p.declarations), nil
}

// papers are what Quorum holds for a meeting: its agenda items, and the
// report links, apologies and declarations of interest standing.
type papers struct {
	items        []AgendaItem
	reports      []ReportLink
	apologies    []Apology
	declarations []Declaration
}

func (s *Service) papersOf(ctx context.Context, m Meeting) (papers, error) {
	var p papers
	var err error
	if p.items, err = s.store.AgendaItems(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if p.reports, err = s.store.ReportLinks(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if p.apologies, err = s.store.Apologies(ctx, m.ID); err != nil {
		return papers{}, err
	}
	if p.declarations, err = s.store.Declarations(ctx, m.ID); err != nil {
		return papers{}, err
	}
	return p, nil
}

// AgendaReply is the agenda of meeting m as the channel sees it: the
// meeting's facts, the numbered items with their presenters and report
// links, the apologies and declarations of interest so far, and how to
// send apologies and declare interests.
func AgendaReply(c Committee, m Meeting, items []AgendaItem, reports []ReportLink, as []Apology, ds []Declaration) Reply {
	loc := c.Location()
	facts := fmt.Sprintf("*%s* (%s time)", formatWhen(m.StartsAt, loc), loc)
	if m.Venue != "" {
		facts += "\n*Venue:* " + Escape(m.Venue)
	}
	if m.Status == MeetingCancelled {
		facts = "*This meeting is cancelled.*\n" + facts
	}
	reply := Reply{
		Visibility: Public,
		Header:     "Agenda — " + c.Name,
		Text:       facts,
		Sections: []Section{
			{Title: "Items", Text: itemLines(items, reports, true)},
			{Title: "Apologies", Text: ApologiesSentence(as) + prefixed("\n", substitutesSentence(as))},
			{Title: "Declarations of interest", Text: Escape(DeclarationsParagraph(ds, items))},
		},
		Footer: "Can't come? Send apologies with `/apologies`. Declare an interest in an item with `/declare ITEM KIND NATURE`. Send the link to your report with `/report ITEM URL`.",
	}
	return reply
}

// itemLines lists items one a line, sub-items indented, with presenters
// and, when withLinks, the report links standing for each.
func itemLines(items []AgendaItem, reports []ReportLink, withLinks bool) string {
	if len(items) == 0 {
		return "No items yet. An officer can add them with `/agenda add NUMBER TITLE — PRESENTER` or import the published agenda with `/agenda import`."
	}
	byItem := map[string][]ReportLink{}
	for _, rep := range reports {
		byItem[rep.Item] = append(byItem[rep.Item], rep)
	}
	var b strings.Builder
	for _, it := range items {
		if IsSubItem(it.Number) {
			b.WriteString("\u2003")
		}
		fmt.Fprintf(&b, "*%s* %s", it.Number, Escape(it.Title))
		if who := presenterText(it); who != "" {
			b.WriteString(" — _" + who + "_")
		}
		if withLinks {
			for _, rep := range byItem[it.Number] {
				title := rep.Title
				if title == "" {
					title = "report"
				}
				b.WriteString(" · " + LinkText(rep.URL, title))
			}
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func presenterText(it AgendaItem) string {
	who := Escape(it.Presenter)
	if it.Organisation != "" {
		if who != "" {
			who += " (" + Escape(it.Organisation) + ")"
		} else {
			who = Escape(it.Organisation)
		}
	}
	return who
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// postAgenda queues the agenda for posting to the committee's channel. If
// it was posted before, the posted message is brought up to date instead.
func postAgenda(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.meetingOn(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if err := openMeeting(c, m, in.Now); err != nil {
		return Reply{}, err
	}
	msg, err := s.agendaReply(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	key := agendaKey(m.ID)
	ok, err := s.store.Enqueue(ctx, OutboxMessage{
		CommitteeID: c.ID, Kind: OutboxPost, ChannelID: c.ChannelID,
		MessageKey: key, DedupeKey: key + ":post", Reply: msg, DueAt: in.Now,
	})
	if err != nil {
		return Reply{}, err
	}
	loc := c.Location()
	if ok {
		return private("The agenda for the meeting on %s is on its way to <#%s>. It will be kept up to date as apologies come in.", describeMeeting(m, loc), c.ChannelID), nil
	}
	if _, err := s.store.Enqueue(ctx, OutboxMessage{
		CommitteeID: c.ID, Kind: OutboxUpdate, ChannelID: c.ChannelID, MessageKey: key, Reply: msg, DueAt: in.Now,
	}); err != nil {
		return Reply{}, err
	}
	return private("The agenda for the meeting on %s was posted before; the posted message is being brought up to date rather than posted twice.", describeMeeting(m, loc)), nil
}

// nextOpenMeeting is the meeting whose agenda, declarations or reports
// are being changed: the next one, still open.
func (s *Service) nextOpenMeeting(ctx context.Context, in *Input) (Meeting, error) {
	m, err := s.meetingOf(ctx, in, Date{})
	if err != nil {
		return Meeting{}, err
	}
	return m, openMeeting(in.Committee, m, in.Now)
}

func addAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.nextOpenMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	it, err := parseItemText(strings.Join(in.Args, " "))
	if err != nil {
		return Reply{}, badArgs(err)
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	number := it.Number.String()
	changes, note := keepClosingLast(items, it.Number)
	for _, cur := range items {
		if cur.Number == number && !(len(changes) > 0 && changes[0].Move == cur.Number) {
			return Reply{}, userErr("Item %s is already on the agenda (%s). Remove it first with `/agenda remove %s`, or give another number.", number, Escape(cur.Title), number)
		}
	}
	item := AgendaItem{MeetingID: m.ID, Number: number, Title: it.Title, Presenter: it.Presenter, Organisation: it.Organisation}
	changes = append(changes, AgendaChange{Add: &item})
	if err := s.store.ChangeAgenda(ctx, m.ID, changes, in.UserID); err != nil {
		if errors.Is(err, ErrConflict) {
			return Reply{}, userErr("Item %s was added by someone else just now; see `/agenda`.", number)
		}
		return Reply{}, err
	}
	text := fmt.Sprintf("Added item *%s* %s", number, Escape(it.Title))
	if who := presenterText(item); who != "" {
		text += " — _" + who + "_"
	}
	text += " to the agenda for " + describeMeeting(m, c.Location()) + "." + note
	return s.afterAgendaChange(ctx, c, m, in.Request, text)
}

// keepClosingLast keeps the standard closing item (Date of Next Meeting)
// numbered after every other top-level item when a top-level item is added
// at or after it: adding item 4 moves it from 4 to 5.
func keepClosingLast(items []AgendaItem, added ItemNumber) ([]AgendaChange, string) {
	if added.Sub > 0 || added.Letter != 0 {
		return nil, ""
	}
	var closing *AgendaItem
	maxTop := added.Top
	for i, it := range items {
		if isClosing(it) && closing == nil {
			closing = &items[i]
			continue
		}
		if n, err := ParseItemNumber(it.Number); err == nil && n.Top > maxTop {
			maxTop = n.Top
		}
	}
	if closing == nil {
		return nil, ""
	}
	cn, err := ParseItemNumber(closing.Number)
	if err != nil || added.Top < cn.Top {
		return nil, ""
	}
	to := strconv.Itoa(maxTop + 1)
	return []AgendaChange{{Move: closing.Number, To: to}}, fmt.Sprintf(" %s is now item %s.", closing.Title, to)
}

func removeAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.nextOpenMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	if len(in.Args) != 1 {
		return Reply{}, usageErr("Say which item to remove by its number, e.g. `/agenda remove 7.5`.")
	}
	n, err := ParseItemNumber(in.Args[0])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	number := n.String()
	err = s.store.ChangeAgenda(ctx, m.ID, []AgendaChange{{Remove: number}}, in.UserID)
	if errors.Is(err, ErrNotFound) {
		return Reply{}, userErr("There is no item %s on the agenda for %s; `/agenda` shows it.", number, formatDay(m.StartsAt, c.Location()))
	}
	if err != nil {
		return Reply{}, err
	}
	return s.afterAgendaChange(ctx, c, m, in.Request, fmt.Sprintf("Removed item *%s* from the agenda for %s.", number, describeMeeting(m, c.Location())))
}

func moveAgendaItem(ctx context.Context, s *Service, in *Input) (Reply, error) {
	c := in.Committee
	m, err := s.nextOpenMeeting(ctx, in)
	if err != nil {
		return Reply{}, err
	}
	args := in.Args
	if len(args) == 3 && strings.EqualFold(args[1], "to") {
		args = []string{args[0], args[2]}
	}
	if len(args) != 2 {
		return Reply{}, usageErr("Give the item's number and its new number, e.g. `/agenda move 7.5 7.6`.")
	}
	from, err := ParseItemNumber(args[0])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	to, err := ParseItemNumber(args[1])
	if err != nil {
		return Reply{}, badArgs(err)
	}
	if from == to {
		return Reply{}, userErr("Item %s is already numbered %s.", from, to)
	}
	err = s.store.ChangeAgenda(ctx, m.ID, []AgendaChange{{Move: from.String(), To: to.String()}}, in.UserID)
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("There is no item %s on the agenda for %s.", from, formatDay(m.StartsAt, c.Location()))
	case errors.Is(err, ErrConflict):
		return Reply{}, userErr("There is already an item %s; move or remove it first.", to)
	case err != nil:
		return Reply{}, err
	}
	return s.afterAgendaChange(ctx, c, m, in.Request, fmt.Sprintf("Item %s is now item *%s*.", from, to))
}

// afterAgendaChange answers with the agenda as it now stands. The change
// marked the posted agenda for an update as it was saved. The committee's
// Homes are refreshed: the reports presenters owe and officers' missing
// reports follow the agenda.
func (s *Service) afterAgendaChange(ctx context.Context, c Committee, m Meeting, r Request, text string) (Reply, error) {
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{Visibility: Private, Text: text}, nil
	}
	return Reply{Visibility: Private, Text: text, Sections: []Section{{Title: "Agenda", Text: itemLines(items, nil, false)}}}, nil
}

// AgendaChange is one change to a meeting's agenda: add an item, remove
// one by number, or move one to another number.
type AgendaChange struct {
	Add    *AgendaItem
	Remove string
	Move   string
	To     string
}
