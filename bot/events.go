package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/slack-go/slack/slackevents"
)

// events serves POST /slack/events, the Events API over HTTP: verify, then
// parse, then act. Slack retries an event it thinks went unanswered, saying
// so in X-Slack-Retry-Num; a retry (or a replay) of an event already
// handled, by this replica or another, is answered and not handled again.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	body, ok := s.verified(w, r)
	if !ok {
		return
	}
	// Every event is an object with a type; anything else is not from
	// Slack's Events API, and a 200 would tell a URL check that it passed.
	var outer struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(body, &outer); err != nil || outer.Type == "" {
		http.Error(w, "malformed event", http.StatusBadRequest)
		return
	}
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		if outer.Type == slackevents.URLVerification {
			http.Error(w, "malformed challenge", http.StatusBadRequest)
			return
		}
		// Well-formed, but of a type slack-go does not know: none that
		// Quorum handles. Answered, so that Slack does not retry it.
		s.log.Debug("event ignored", "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		v, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if !ok {
			http.Error(w, "malformed challenge", http.StatusBadRequest)
			return
		}
		// Not slackevents.ChallengeResponse, whose field has no JSON name
		// and would answer "Challenge", a key Slack's check does not read.
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(struct {
			Challenge string `json:"challenge"`
		}{v.Challenge})
		return
	case slackevents.CallbackEvent:
		cb, _ := ev.Data.(*slackevents.EventsAPICallbackEvent)
		if cb != nil && !s.firstEvent(r.Context(), cb.EventID) {
			s.log.Info("event already handled", "event_id", cb.EventID, "retry", r.Header.Get("X-Slack-Retry-Num"), "reason", r.Header.Get("X-Slack-Retry-Reason"))
			w.WriteHeader(http.StatusOK)
			return
		}
		s.event(r.Context(), ev)
	}
	// Other types, and events Quorum does not subscribe to, are answered
	// so that Slack does not retry them.
	w.WriteHeader(http.StatusOK)
}

// event acts on an Events API event; both transports call it. It returns
// at once: what an event sets off runs in the background.
func (s *Server) event(ctx context.Context, ev slackevents.EventsAPIEvent) {
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "home" {
			return
		}
		// A Home is built from the committees of one workspace. Slack
		// names it on every event; failing that, the Home already shown
		// names it. With neither, an empty workspace would gather the
		// person's committees from every workspace, so nothing is shown.
		team := ev.TeamID
		if team == "" && e.View != nil {
			team = e.View.TeamID
		}
		if team == "" {
			s.log.Warn("home not published: the event names no workspace", "user", e.User)
			return
		}
		s.homes.refresh(team, e.User, "")
	}
}

// maxSeenEvents bounds the event IDs remembered for spotting retries.
const maxSeenEvents = 4096

// seenEvents remembers the last few thousand event IDs handled, to spot
// Slack's retries. It is in memory: with several replicas a retry reaching
// another replica is handled twice, which for what Quorum does with events
// (publishing a Home tab) is harmless.
type seenEvents struct {
	mu    sync.Mutex
	ids   map[string]struct{}
	order []string // ring of ids, oldest at next
	next  int
}

func newSeenEvents(n int) *seenEvents {
	return &seenEvents{ids: make(map[string]struct{}, n), order: make([]string, n)}
}

// first records id and reports whether it is new. An empty id is always new.
func (s *seenEvents) first(id string) bool {
	if id == "" {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.ids[id]; ok {
		return false
	}
	if old := s.order[s.next]; old != "" {
		delete(s.ids, old)
	}
	s.order[s.next] = id
	s.next = (s.next + 1) % len(s.order)
	s.ids[id] = struct{}{}
	return true
}

// firstEvent reports whether the event with the given ID is handled for
// the first time: Slack's retries carry the same event_id under a new
// signature. The event IDs are shared between replicas through
// Config.FirstSeen; when that cannot be reached the event is handled
// anyway, since handling one twice (publishing a Home tab) does no harm.
func (s *Server) firstEvent(ctx context.Context, id string) bool {
	if id == "" {
		return true
	}
	if !s.seen.first(id) {
		return false
	}
	if s.cfg.FirstSeen == nil {
		return true
	}
	first, err := s.cfg.FirstSeen(ctx, "event:"+id)
	if err != nil {
		s.log.Warn("could not look for a retried event; handling it", "event_id", id, "err", err)
		return true
	}
	return first
}
