-- +goose Up
-- Who took the chair at a meeting in progress, and when, as the officer
-- or the chair records it: with the chair out of the room and no
-- vice-chair there, a member present presides, and the minutes say who
-- ("Graeme Robson took the Chair at 10:20 in the absence of Sue Holden.").
-- Append-only, as the meeting's other logs: each row takes the next
-- number in its meeting's log, so two replicas recording the same at once
-- leave one. A table of its own, not a new action of meeting_sessions,
-- whose state a replica without it would misread.
CREATE TABLE chair_taken (
    id          bigserial PRIMARY KEY,
    meeting_id  bigint NOT NULL REFERENCES meetings (id),
    seq         integer NOT NULL CHECK (seq > 0),
    member_key  text NOT NULL,
    at          timestamptz NOT NULL,
    by_user     text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (meeting_id, seq)
);
COMMENT ON TABLE chair_taken IS 'Append-only log of who took the chair at a meeting in progress (a member''s Slack user ID, as attendance_marks keys them), when, and who recorded it.';

-- +goose Down
DROP TABLE chair_taken;
