package commands

import "context"

// AgendaItem is a numbered item on a meeting's agenda: "7.5 SWACA — Neil
// Frackelton".
type AgendaItem struct {
	ID           int64
	MeetingID    int64
	Number       string // as printed: "4", "7.5", "7a"
	Title        string
	Presenter    string
	Organisation string
	Description  string
	Position     int
}

// AgendaItemReader reads a meeting's agenda items.
type AgendaItemReader interface {
	// AgendaItems lists the items standing on a meeting's agenda, in order.
	AgendaItems(ctx context.Context, meetingID int64) ([]AgendaItem, error)
}
