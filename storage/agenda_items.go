package storage

import (
	"context"

	"github.com/quorumhq/quorum/commands"
)

type agendaItemRow struct {
	ID           int64  `db:"id"`
	MeetingID    int64  `db:"meeting_id"`
	Number       string `db:"number"`
	Title        string `db:"title"`
	Presenter    string `db:"presenter"`
	Organisation string `db:"organisation"`
	Description  string `db:"description"`
	Position     int    `db:"position"`
}

// AgendaItems implements commands.AgendaItemReader.
func (db *DB) AgendaItems(ctx context.Context, meetingID int64) ([]commands.AgendaItem, error) {
	var rows []agendaItemRow
	err := db.x.SelectContext(ctx, &rows, `SELECT id, meeting_id, number, title, presenter, organisation, description, position
		FROM agenda_items WHERE meeting_id = $1 AND removed_at IS NULL ORDER BY position, id`, meetingID)
	if err != nil {
		return nil, mapErr("agenda items", err)
	}
	out := make([]commands.AgendaItem, len(rows))
	for i, r := range rows {
		out[i] = commands.AgendaItem(r)
	}
	return out, nil
}
