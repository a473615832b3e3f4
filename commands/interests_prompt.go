package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// interestPrompt is an entry of a member's register that may concern an
// agenda item, and why.
type interestPrompt struct {
	Member Member
	Entry  Interest
	Item   AgendaItem
	Match  InterestMatch
}

// presents reports whether m is named as an item's presenter, with or
// without a title ("Superintendent Graeme Robson"), or as x, the index of
// all the committee's members, finds them.
func presents(x presenterIndex, m Member, it AgendaItem) bool {
	name := matchTokens(m.Name)
	return len(name) > 0 && containsRun(matchTokens(it.Presenter), name) || x.includes(it, m)
}

// interestPrompts compares each member's standing entries with the items
// and lists those that may concern an item, leaving out the items a
// member said were not relevant. A presenter is not prompted on the
// strength of the item's organisation alone: that is who they present
// for, not an interest of theirs in the business.
func interestPrompts(members []Member, es []Interest, items []AgendaItem, dismissed []PromptDismissal) []interestPrompt {
	byMember := map[string]Member{}
	for _, m := range members {
		byMember[m.UserID] = m
	}
	byName := newPresenterIndex(members)
	gone := map[string]bool{}
	for _, d := range dismissed {
		gone[d.UserID+":"+strconv.FormatInt(d.ItemID, 10)] = true
	}
	var out []interestPrompt
	seen := map[string]bool{}
	for _, it := range items {
		if it.Standard {
			continue
		}
		for _, e := range es {
			m, ok := byMember[e.UserID]
			key := e.UserID + ":" + strconv.FormatInt(it.ID, 10)
			if !ok || e.Ended || gone[key] || seen[key] {
				continue
			}
			text := ItemText{Title: it.Title, Presenter: it.Presenter, Organisation: it.Organisation}
			match, ok := InterestMatch{}, false
			if e.Category == CategoryGifts && e.GiftFrom != "" {
				// A gift concerns an item by its giver.
				match, ok = MatchGiver(e.GiftFrom, text)
			} else {
				match, ok = MatchInterest(e.Description, text)
			}
			if !ok {
				continue
			}
			if presents(byName, m, it) && onlyOrganisation(match, it) {
				continue
			}
			seen[key] = true
			out = append(out, interestPrompt{Member: m, Entry: e, Item: it, Match: match})
		}
	}
	return out
}

// onlyOrganisation reports whether every word that matched is a word of
// the item's organisation.
func onlyOrganisation(match InterestMatch, it AgendaItem) bool {
	org := map[string]bool{}
	for _, w := range matchTokens(it.Organisation) {
		org[w] = true
	}
	for _, w := range match.Words {
		if !org[w] {
			return false
		}
	}
	return len(org) > 0
}

// promptKey is the dedupe key of the prompt to userID about item itemID:
// one per member and item, however often the agenda is posted.
func promptKey(userID string, itemID int64) string {
	return fmt.Sprintf("interests:prompt:%d:%s", itemID, userID)
}

// promptInterests queues, when m's agenda is posted, a private message to
// each member whose register may concern an item, with buttons to declare
// or to say it is not relevant. It never declares for them. It says how
// many prompts it queued.
func (s *Service) promptInterests(ctx context.Context, c Committee, m Meeting, now time.Time) (int, error) {
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return 0, err
	}
	es, err := s.store.Interests(ctx, c.ID, "", false)
	if err != nil || len(es) == 0 {
		return 0, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return 0, err
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	dismissed, err := s.store.DismissedPrompts(ctx, ids)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range interestPrompts(members, es, items, dismissed) {
		ok, err := s.store.Enqueue(ctx, OutboxMessage{
			CommitteeID: c.ID, Kind: OutboxDM, UserID: p.Member.UserID,
			DedupeKey: promptKey(p.Member.UserID, p.Item.ID), Reply: promptReply(c, m, p), DueAt: now,
		})
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// withPromptNote adds to the answer to /agenda post that the prompts
// could not all be queued, when err says so. Posting again is safe: the
// agenda is updated, not posted twice, and each prompt goes once.
func withPromptNote(r Reply, err error) Reply {
	if err != nil {
		r.Text += "\nThe private prompts to members whose registers of interests match an item could not all be queued just now: `/agenda post` again sends the rest."
	}
	return r
}

// promptReply is the private message of a prompt: the entry, the item, the
// words that matched, and the two buttons.
func promptReply(c Committee, m Meeting, p interestPrompt) Reply {
	quoted := make([]string, len(p.Match.Words))
	for i, w := range p.Match.Words {
		quoted[i] = "“" + Escape(w) + "”"
	}
	value := promptValue(m, p)
	return Reply{
		Visibility: Private,
		Text: fmt.Sprintf("You registered '%s' (%s). %s at the meeting of *%s* on %s may concern it: the words that matched are %s, in its %s.\nOnly you can decide whether to declare an interest.",
			Escape(p.Entry.Description), p.Entry.Category.Wording(), Escape(itemLabel(p.Item)), Escape(c.Name), describeMeeting(m, c.Location()),
			joinAnd(quoted), joinAnd(p.Match.Fields)),
		Buttons: []Button{
			{Label: "Declare an interest", Action: "interests.declare", Value: value, Style: "primary"},
			{Label: "Not relevant", Action: "interests.dismiss", Value: value},
		},
	}
}

// promptValue is the value of p's buttons: meeting, item, entry.
func promptValue(m Meeting, p interestPrompt) string {
	return fmt.Sprintf("%d:%d:%d", m.ID, p.Item.ID, p.Entry.ID)
}

// parsePromptValue reads a prompt button's value: meeting, item, entry.
func parsePromptValue(value string) (meeting, item, entry int64, ok bool) {
	parts := strings.Split(value, ":")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var ns [3]int64
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil || n <= 0 {
			return 0, 0, 0, false
		}
		ns[i] = n
	}
	return ns[0], ns[1], ns[2], true
}

// declarePromptAction is a prompt's Declare button: it opens the /declare
// form with the item and the entry filled in, for the member to finish.
func declarePromptAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	meeting, itemID, entryID, ok := parsePromptValue(value)
	if !ok {
		return Reply{}, userErr("That button is broken; use `/declare` in the committee's channel.")
	}
	c, _, m, err := s.meetingOfMember(ctx, r, meeting)
	if err != nil {
		return Reply{}, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	var it *AgendaItem
	for i := range items {
		if items[i].ID == itemID {
			it = &items[i]
		}
	}
	if it == nil {
		return Reply{}, userErr("That item is no longer on the agenda.")
	}
	// The entry fills in the form's nature: it must be the presser's own,
	// in this committee, or a forged value would show anyone's entry,
	// sensitive ones included.
	e, err := s.store.Interest(ctx, entryID)
	switch {
	case errors.Is(err, ErrNotFound) || err == nil && (e.UserID != r.UserID || e.CommitteeID != c.ID):
		return Reply{}, userErr("That entry is not in your register; use `/declare` in the committee's channel.")
	case err != nil:
		return Reply{}, err
	}
	// The form is the prompt's meeting's: while another sits, the one the
	// typed `/declare` goes to is that one, not the next the Home shows.
	if err := s.takingDeclarations(ctx, c, m, r.Now); err != nil {
		return Reply{}, err
	}
	reply, err := s.declareFormOf(ctx, c, m)
	if err != nil {
		return Reply{}, err
	}
	if reply.Form == nil {
		return Reply{}, userErr("Declare with `/declare %s %s …` in the committee's channel.", DateOf(m.StartsAt, c.Location()).iso(), Escape(it.Number))
	}
	nature := e.Description
	if e.Spouse {
		nature = "Spouse or civil partner: " + nature
	}
	for i := range reply.Form.Fields {
		switch reply.Form.Fields[i].ID {
		case "item":
			reply.Form.Fields[i].Initial = itemOption(*it)
		case "nature":
			reply.Form.Fields[i].Initial = nature
		}
	}
	return reply, nil
}

func (d Date) iso() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// dismissPromptAction is a prompt's Not relevant button: the member is not
// prompted about that item again.
func dismissPromptAction(ctx context.Context, s *Service, r Request, value string) (Reply, error) {
	meeting, itemID, _, ok := parsePromptValue(value)
	if !ok {
		return Reply{}, userErr("That button is broken.")
	}
	c, _, m, err := s.meetingOfMember(ctx, r, meeting)
	if err != nil {
		return Reply{}, err
	}
	items, err := s.store.AgendaItems(ctx, m.ID)
	if err != nil {
		return Reply{}, err
	}
	label := "that item"
	for _, it := range items {
		if it.ID == itemID {
			label = itemLabel(it)
		}
	}
	_, err = s.store.DismissPrompt(ctx, c.ID, r.UserID, itemID, r.UserID, r.Now)
	switch {
	case errors.Is(err, ErrNotFound):
		return Reply{}, userErr("That item is no longer on the agenda.")
	case err != nil:
		return Reply{}, err
	}
	return private("Noted: your register does not concern %s. You will not be prompted about it again.", Escape(label)), nil
}

// interestsHomePart is "Your register — last reviewed …" with a Review
// button, and the prompts about the next meeting's items still open.
func interestsHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	c, loc := in.Committee, in.Committee.Location()
	reviews, err := s.store.InterestReviews(ctx, c.ID)
	if err != nil {
		return err
	}
	text := reviewLine(in.Member, reviews, loc, in.Now, in.Member)
	at, reviewed := lastReview(in.Member, reviews)
	// A member who has kept no register and is not yet late is not shown
	// the part: it would be on every new member's Home before it matters.
	show := reviewed || dateBefore(registerDue(in.Member.AddedAt, loc), DateOf(in.Now, loc))
	// The member's entries, ended ones too, read once for what the last
	// review did and for the prompts, which take those standing.
	var all []Interest
	if show || in.Next != nil && len(in.Items) > 0 {
		if all, err = s.store.Interests(ctx, c.ID, in.Member.UserID, true); err != nil {
			return err
		}
	}
	if reviewed {
		said, changed, since, err := s.reviewSaid(ctx, c, in.Member, all, at)
		if err != nil {
			return err
		}
		verb := "Last reviewed"
		if changed {
			verb = "Last changed"
		}
		text = fmt.Sprintf("%s %s (%s)", verb, DateOf(at, loc), agoText(at, in.Now))
		for _, r := range reviews {
			if r.UserID == in.Member.UserID && enteredFor(r.By, r.UserID) {
				// An officer's review, or their entry, for the member:
				// the member did not review it themselves.
				text += ", by " + personText(r.By, "")
			}
		}
		text += ": " + said + "."
		if dateBefore(reviewDue(at, loc), DateOf(in.Now, loc)) {
			text += " A review is due: is it still up to date?"
		}
		if since != "" {
			text += "\n" + since
		}
	}
	var prompted []Button
	if in.Next != nil && len(in.Items) > 0 {
		var es []Interest
		for _, e := range all {
			if !e.Ended {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			ids := make([]int64, len(in.Items))
			for i, it := range in.Items {
				ids[i] = it.ID
			}
			dismissed, err := s.store.DismissedPrompts(ctx, ids)
			if err != nil {
				return err
			}
			// An item the member has declared on is settled.
			for _, d := range in.Declarations {
				dismissed = append(dismissed, PromptDismissal{UserID: in.Member.UserID, ItemID: d.ItemID})
			}
			prompts := interestPrompts([]Member{in.Member}, es, in.Items, dismissed)
			for i, p := range prompts {
				if i == maxHomeLines {
					text += fmt.Sprintf("\n… and %d more items that may concern your register.", len(prompts)-i)
					break
				}
				show = true
				text += fmt.Sprintf("\n• %s may concern '%s'", Escape(truncateText(itemLabel(p.Item), 80)), Escape(truncateText(p.Entry.Description, 80)))
				// The private prompt's two actions, by the same
				// functions, so that what the Home lists can be acted
				// on from it; the label names the item, as several may
				// be listed.
				value := promptValue(*in.Next, p)
				n := truncateText(p.Item.Number, 20)
				if !in.Waits {
					// Today's meeting, begun by the clock, takes
					// declarations once it is opened, as `/declare`
					// answers: until then the button would only be
					// refused.
					prompted = append(prompted, Button{Label: "Declare: item " + n, Action: "interests.declare", Value: value})
				}
				prompted = append(prompted, Button{Label: "Not relevant: item " + n, Action: "interests.dismiss", Value: value})
			}
			if in.Waits && len(prompts) > 0 {
				text += "\nOnce the meeting is opened, *Declare* is offered here for each."
			}
		}
	}
	if !show {
		return nil
	}
	review := "Review register"
	if !reviewed && !slices.ContainsFunc(all, func(e Interest) bool { return !e.Ended }) {
		// Pressed, the button records that there is nothing to register
		// (see reviewInterests): on a register with nothing in it, never
		// completed, it is named for that, and what to do otherwise is
		// said, as the reminder says it, lest a member pressing it to see
		// their register return it empty without knowing.
		review = "Nothing to register"
		text += "\n`/interests add CATEGORY DESCRIPTION` in the channel registers each interest you hold; if you hold none, *Nothing to register* records that."
	}
	text += "\n`/interests` in the channel shows your register."
	card.Sections = append(card.Sections, Section{Title: "Your register of interests", Text: text})
	card.Buttons = append(card.Buttons, prompted...)
	card.Buttons = append(card.Buttons, Button{Label: review, Action: "interests.review", Value: strconv.FormatInt(c.ID, 10)})
	return nil
}

// maxReviewChanges bounds the entries reviewSaid names.
const maxReviewChanges = 2

// reviewSaid is what m's last review of their register (es, their
// entries, ended ones too), at at, did: the
// entries it added or removed ("'Trustee of SWACA' added"), since adding
// or removing one counts as a review; or, a review alone, that it
// confirmed the register unchanged: a date alone does not tell a member
// whether what an officer entered for them, or what they entered and
// forgot, is on their register. changed says the review was a change;
// since, when more has changed since the register was last confirmed
// unchanged (or, never confirmed so, since it was begun), is a sentence
// counting it.
func (s *Service) reviewSaid(ctx context.Context, c Committee, m Member, es []Interest, at time.Time) (said string, changed bool, since string, err error) {
	var changes []string
	standing := 0
	for _, e := range es {
		if !e.Ended {
			standing++
		}
		what := "'" + Escape(truncateText(oneLine(e.Description), 60)) + "'"
		if e.Category == CategoryGifts {
			what = "gift " + what
		}
		if e.Spouse {
			// As the register shows it: the member reads whose it is.
			what += " (spouse or civil partner)"
		}
		if e.AddedAt.Equal(at) {
			changes = append(changes, what+" added")
		}
		if e.Ended && e.EndedAt.Equal(at) {
			changes = append(changes, what+" removed")
		}
	}
	if len(changes) == 0 {
		return fmt.Sprintf("confirmed with no change (%d %s)", standing, plural(standing, "entry", "entries")), false, "", nil
	}
	if len(changes) > maxReviewChanges {
		n := len(changes) - maxReviewChanges
		changes = append(changes[:maxReviewChanges], fmt.Sprintf("%d more %s", n, plural(n, "change", "changes")))
	}
	said = strings.Join(changes, ", ")
	confirmations, err := s.store.ReviewsOf(ctx, c.ID, m.UserID)
	if err != nil {
		return "", false, "", err
	}
	var confirmed time.Time // zero: never confirmed unchanged
	if len(confirmations) > 0 {
		confirmed = confirmations[len(confirmations)-1].ReviewedAt
	}
	added, removed, last := 0, 0, 0
	for _, e := range es {
		if e.AddedAt.After(confirmed) {
			added++
		}
		if e.Ended && e.EndedAt.After(confirmed) {
			removed++
		}
		if e.AddedAt.Equal(at) || e.Ended && e.EndedAt.Equal(at) {
			last++
		}
	}
	if added+removed <= last {
		// The last change is all that changed: said says it.
		return said, true, "", nil
	}
	counts := fmt.Sprintf("%d %s added", added, plural(added, "entry", "entries"))
	if removed > 0 {
		counts += fmt.Sprintf(", %d removed", removed)
	}
	if confirmed.IsZero() {
		return said, true, fmt.Sprintf("Since it was begun: %s.", counts), nil
	}
	return said, true, fmt.Sprintf("Since it was last confirmed unchanged, on %s: %s.", DateOf(confirmed, c.Location()), counts), nil
}

// giftsHomePart lists, on a member's card, the gifts and hospitality
// standing on their register, the latest received first: what they have
// told the committee they received is theirs to check where they look,
// as their apologies and declarations are. Nothing shows when they have
// registered none.
func giftsHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	es, err := s.store.Interests(ctx, in.Committee.ID, in.Member.UserID, false)
	if err != nil {
		return err
	}
	var gifts []Interest
	for _, e := range es {
		if e.Category == CategoryGifts {
			gifts = append(gifts, e)
		}
	}
	if len(gifts) == 0 {
		return nil
	}
	loc := in.Committee.Location()
	sort.SliceStable(gifts, func(i, j int) bool {
		a, b := gifts[i].GiftOn.Start(loc), gifts[j].GiftOn.Start(loc)
		return a.After(b) || a.Equal(b) && gifts[i].ID > gifts[j].ID
	})
	var lines []string
	for i, g := range gifts {
		if i == maxHomeLines {
			lines = append(lines, fmt.Sprintf("… and %d more: `/interests` in the channel shows them all.", len(gifts)-i))
			break
		}
		line := fmt.Sprintf("• #%d %s — %s, received %s", g.ID, Escape(truncateText(oneLine(g.Description), 120)), formatPence(g.ValuePence), g.GiftOn)
		if enteredFor(g.AddedBy, g.UserID) {
			line += " _(entered by " + personText(g.AddedBy, "") + ")_"
		}
		lines = append(lines, line)
	}
	lines = append(lines, "`/interests` in the channel shows your register; `/interests gift DATE VALUE DESCRIPTION` registers another.")
	card.Sections = append(card.Sections, Section{Title: "Your gifts and hospitality", Text: strings.Join(lines, "\n")})
	return nil
}

// agoText is how long before now t was, roughly: "today", "3 months ago".
func agoText(t, now time.Time) string {
	days := int(now.Sub(t).Hours() / 24)
	switch {
	case days < 1:
		return "today"
	case days < 31:
		return plural(days, "1 day ago", strconv.Itoa(days)+" days ago")
	case days < 365:
		return plural(days/30, "1 month ago", strconv.Itoa(days/30)+" months ago")
	}
	return plural(days/365, "1 year ago", strconv.Itoa(days/365)+" years ago")
}

// RegisterState is a member's register as the reminders see it: their
// committee, when they joined, and their latest review (zero when none).
type RegisterState struct {
	Committee  Committee // ID, name, channel and time zone
	Member     Member
	ReviewedAt time.Time
}

// ReviewReminderDays is how long before a review falls due its reminder
// goes.
const ReviewReminderDays = 30

// registerReminder is the reminder st is due at now, if any: a new
// member's on the day they join and, if they have not completed their
// register, at 21 days; everyone's a month before their annual review is
// due. Each has its own dedupe key, so it goes once.
func registerReminder(st RegisterState, now time.Time) (OutboxMessage, bool) {
	c, m := st.Committee, st.Member
	loc := c.Location()
	today := DateOf(now, loc)
	msg := OutboxMessage{CommitteeID: c.ID, Kind: OutboxDM, UserID: m.UserID, DueAt: now}
	if st.ReviewedAt.IsZero() {
		due := registerDue(m.AddedAt, loc)
		day21 := DateOf(DateOf(m.AddedAt, loc).Start(loc).AddDate(0, 0, 21), loc)
		if dateBefore(today, day21) {
			msg.DedupeKey = fmt.Sprintf("interests:register:%d:%s:0", c.ID, m.UserID)
			msg.Reply = Reply{Visibility: Private, Text: fmt.Sprintf(
				"Welcome to *%s*. Members register their interests within 28 days of joining, so yours is due by %s. "+
					"In <#%s>, `/interests add CATEGORY DESCRIPTION` adds each interest (e.g. `/interests add other Trustee of SWACA`), "+
					"and `/interests review` records that there is nothing to register. `/interests help` explains the categories.",
				Escape(c.Name), due, c.ChannelID)}
			return msg, true
		}
		msg.DedupeKey = fmt.Sprintf("interests:register:%d:%s:21", c.ID, m.UserID)
		// Sent from day 21, a week before the 28 days are up; later only
		// if it could not go then.
		tense := "is"
		if dateBefore(due, today) {
			tense = "was"
		}
		msg.Reply = Reply{Visibility: Private, Text: fmt.Sprintf(
			"Reminder: your register of interests in *%s* %s due by %s and is not complete yet. "+
				"In <#%s>, `/interests add CATEGORY DESCRIPTION` adds each interest, and `/interests review` records that there is nothing to register.",
			Escape(c.Name), tense, due, c.ChannelID)}
		return msg, true
	}
	due := reviewDue(st.ReviewedAt, loc)
	remind := DateOf(due.Start(loc).AddDate(0, 0, -ReviewReminderDays), loc)
	if dateBefore(today, remind) {
		return OutboxMessage{}, false
	}
	msg.DedupeKey = fmt.Sprintf("interests:review:%d:%s:%s", c.ID, m.UserID, DateOf(st.ReviewedAt, loc).iso())
	msg.Reply = Reply{Visibility: Private,
		Text: fmt.Sprintf("Your register of interests in *%s* was last reviewed on %s; its annual review is due by %s. "+
			"If nothing has changed, press Review register (or `/interests review` in <#%s>); `/interests` shows what is registered.",
			Escape(c.Name), DateOf(st.ReviewedAt, loc), due, c.ChannelID),
		Buttons: []Button{{Label: "Review register", Action: "interests.review", Value: fmt.Sprint(c.ID)}},
	}
	return msg, true
}

// EnqueueRegisterReminders queues the reminders about registers of
// interests due at now (see registerReminder) and says how many it queued.
// Each goes once, however often this runs.
func (s *Service) EnqueueRegisterReminders(ctx context.Context, now time.Time) (int, error) {
	states, err := s.store.RegisterStates(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, st := range states {
		msg, ok := registerReminder(st, now)
		if !ok {
			continue
		}
		queued, err := s.store.Enqueue(ctx, msg)
		if err != nil {
			return n, err
		}
		if queued {
			n++
		}
	}
	return n, nil
}

// onRegister reports whether declaration d is of an interest its member
// has registered: the nature names an entry of theirs (see MatchInterest),
// or repeats it.
// declarationsRegistered names, for the agenda, the declarations standing
// in ds of interests their declarants have on the register; "" when none.
func declarationsRegistered(ds []Declaration, items []AgendaItem) string {
	var on []Declaration
	for _, d := range ds {
		if d.OnRegister && !d.Withdrawn {
			on = append(on, d)
		}
	}
	if len(on) == 0 {
		return ""
	}
	sortDeclarations(on, items)
	parts := make([]string, len(on))
	for i, d := range on {
		parts[i] = Escape(d.Name) + " (Item " + Escape(d.filed().number()) + ")"
	}
	return "On the register of interests: " + joinAnd(parts) + "."
}

func onRegister(es []Interest, d Declaration) bool {
	if d.UserID == "" {
		return false
	}
	nature := "" // made on meeting the member's first entry: most have none
	for _, e := range es {
		if e.UserID != d.UserID || e.Ended {
			continue
		}
		if nature == "" {
			nature = strings.Join(matchTokens(d.Nature), " ")
		}
		if strings.Join(matchTokens(e.Description), " ") == nature {
			return true
		}
		if _, ok := MatchInterest(e.Description, ItemText{Title: d.Nature}); ok && sameStanding(d.Nature, e) {
			return true
		}
	}
	return false
}

// registerGiftsFor is how far back the officers' Home lists the gifts and
// hospitality registered: long enough to see what came in since the last
// meeting of a committee that meets monthly, short enough to stay a few
// lines. `/interests register` has the whole.
const registerGiftsFor = 30 * 24 * time.Hour

// officerRegisterHomePart shows an officer, who keeps the register for
// the monitoring officer, how many registers are missing or out of date
// and the gifts and hospitality registered lately, the latest first. It
// is the officers' alone: the chair has no use of `/interests missing`
// or `/interests register`, and gifts can be sensitive. A sensitive
// entry is listed without its details, since a Home is read on screens
// others may see; the officer's own `/interests register` shows them. It
// shows nothing when no register is overdue and no gift is new.
func officerRegisterHomePart(ctx context.Context, s *Service, in homeInput, card *HomeCard) error {
	if !in.Member.IsOfficer() {
		return nil
	}
	c, loc := in.Committee, in.Committee.Location()
	members, err := s.store.Members(ctx, c.ID)
	if err != nil {
		return err
	}
	reviews, err := s.store.InterestReviews(ctx, c.ID)
	if err != nil {
		return err
	}
	today := DateOf(in.Now, loc)
	late := 0
	for _, m := range members {
		if _, st := registerStanding(m, reviews, loc, today); st == registerNeverCompleted || st == registerReviewOverdue {
			late++
		}
	}
	var lines []string
	if late > 0 {
		lines = append(lines, fmt.Sprintf("%d %s missing or out of date: `/interests missing` in the channel lists %s.",
			late, plural(late, "member's register", "members' registers"), plural(late, "it", "them")))
	}
	es, err := s.store.Interests(ctx, c.ID, "", false)
	if err != nil {
		return err
	}
	var gifts []Interest
	since := in.Now.Add(-registerGiftsFor)
	for _, e := range es {
		if e.Category == CategoryGifts && !e.AddedAt.Before(since) {
			gifts = append(gifts, e)
		}
	}
	sort.SliceStable(gifts, func(i, j int) bool {
		a, b := gifts[i].AddedAt, gifts[j].AddedAt
		return a.After(b) || a.Equal(b) && gifts[i].ID > gifts[j].ID
	})
	if n := len(gifts); n > 0 {
		lines = append(lines, fmt.Sprintf("%d %s registered in the last 30 days (`/interests register` in the channel shows the whole register):",
			n, plural(n, "gift or hospitality", "gifts or hospitality")))
	}
	for i, g := range gifts {
		if i == maxHomeLines {
			lines = append(lines, fmt.Sprintf("… and %d more.", len(gifts)-i))
			break
		}
		if g.Sensitive {
			lines = append(lines, fmt.Sprintf("• #%d %s — a sensitive entry (its details are withheld here)", g.ID, Escape(g.Name)))
			continue
		}
		lines = append(lines, fmt.Sprintf("• #%d %s — %s — %s, received %s", g.ID, Escape(g.Name),
			Escape(truncateText(oneLine(g.Description), 120)), formatPence(g.ValuePence), g.GiftOn))
	}
	if len(lines) > 0 {
		card.Sections = append(card.Sections, Section{Title: "Register of interests", Text: strings.Join(lines, "\n")})
	}
	return nil
}

// standingWords sort the words that say how someone stands to a body. A
// declaration and a register entry that name one body may still be two
// interests: "CEO of SWACA" declared is not "Trustee of SWACA" registered,
// and the agenda's "On the register of interests" would tell the public,
// and the monitoring officer, that an employment nobody registered was.
var standingWords = func() map[string][]string {
	out := map[string][]string{}
	for class, words := range map[string]string{
		"employment":  "employ employs employed employee employees employer employment work works worked working job staff paid salary salaried ceo chief manager officer head headteacher consultant director clerk",
		"board":       "trustee trustees director directors board governor governors chair chairman chairwoman chairperson committee member members membership patron president secretary treasurer honorary",
		"volunteer":   "volunteer volunteers volunteering volunteered",
		"ownership":   "own owns owned owner owners shares share shareholder shareholding securities stake landlord property land home house lives live resident residence tenant tenancy lease licence licensee",
		"contract":    "contract contracts contractor contractors supplier supplies supply grant grants",
		"sponsorship": "sponsor sponsors sponsored sponsorship",
	} {
		for _, w := range strings.Fields(words) {
			out[w] = append(out[w], class)
		}
	}
	return out
}()

// familyWords say that an interest is a relative's, not the member's own.
var familyWords = map[string]bool{
	"spouse": true, "partner": true, "wife": true, "husband": true, "son": true, "daughter": true, "father": true, "mother": true,
	"brother": true, "sister": true, "family": true, "relative": true, "relatives": true, "child": true, "children": true,
	"parent": true, "parents": true, "grandson": true, "granddaughter": true, "nephew": true, "niece": true, "uncle": true, "aunt": true, "cousin": true,
}

// categoryStanding is the standing a register category says by itself:
// "Sefton CVS" registered under employment is a job there.
var categoryStanding = map[InterestCategory]string{
	CategoryEmployment: "employment", CategorySponsorship: "sponsorship", CategoryContracts: "contract",
	CategoryLand: "ownership", CategoryLicences: "ownership", CategoryTenancies: "ownership", CategorySecurities: "ownership",
}

// standing is how text says someone stands to a body (the classes of
// standingWords its words fall in), and whether it is a relative's.
func standing(text string) (classes map[string]bool, family bool) {
	classes = map[string]bool{}
	for _, w := range matchTokens(text) {
		family = family || familyWords[w]
		for _, c := range standingWords[w] {
			classes[c] = true
		}
	}
	return classes, family
}

// sameStanding reports whether nature, declared, and entry e, registered,
// naming one body, say the same standing to it: both the member's own or
// both a relative's and, where both say how (employed, a trustee, shares),
// one way in common. Either that does not say how is taken as the same:
// "an interest in SWACA" declared is what the register holds of SWACA.
func sameStanding(nature string, e Interest) bool {
	declared, declaredFamily := standing(nature)
	registered, registeredFamily := standing(e.Description)
	if c := categoryStanding[e.Category]; c != "" {
		registered[c] = true
	}
	if declaredFamily != (registeredFamily || e.Spouse) {
		return false
	}
	if len(declared) == 0 || len(registered) == 0 {
		return true
	}
	for c := range declared {
		if registered[c] {
			return true
		}
	}
	return false
}
