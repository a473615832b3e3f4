-- +goose Up
-- The register of interests: each member's standing interests, gifts and
-- hospitality, when they last reviewed it, and the prompts before items
-- they said were not relevant. Nothing is deleted or edited: an entry that
-- no longer stands gets a row in interest_endings, written once.

ALTER TABLE committees ADD COLUMN gift_threshold_pence integer NOT NULL DEFAULT 5000 CHECK (gift_threshold_pence >= 0);
COMMENT ON COLUMN committees.gift_threshold_pence IS 'Gifts and hospitality worth at least this much (in pence) must be registered; £50 unless set.';

CREATE TABLE interests (
    id           bigserial PRIMARY KEY,
    committee_id bigint NOT NULL REFERENCES committees (id),
    member_key   text NOT NULL,
    user_id      text,
    name         text NOT NULL,
    category     text NOT NULL CHECK (category IN ('employment', 'sponsorship', 'contracts', 'land', 'licences', 'tenancies', 'securities', 'other', 'gifts')),
    description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    for_whom     text NOT NULL DEFAULT 'self' CHECK (for_whom IN ('self', 'spouse')),
    sensitive    boolean NOT NULL DEFAULT false,
    started_on   date NOT NULL,
    gift_on      date,
    value_pence  integer CHECK (value_pence >= 0),
    gift_from    text NOT NULL DEFAULT '',
    added_by     text NOT NULL DEFAULT '',
    added_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((category = 'gifts') = (gift_on IS NOT NULL AND value_pence IS NOT NULL))
);
CREATE INDEX interests_member ON interests (committee_id, member_key, id);
COMMENT ON TABLE interests IS 'Entries in the register of interests, gifts and hospitality included. Append-only: an entry is never edited; removing one adds a row to interest_endings.';

CREATE TABLE interest_endings (
    interest_id bigint PRIMARY KEY REFERENCES interests (id),
    ended_on    date NOT NULL,
    ended_by    text NOT NULL DEFAULT '',
    ended_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE interest_endings IS 'When an entry in the register stopped standing, and who said so (the member, or an officer on their behalf); one per entry.';

CREATE TABLE interest_reviews (
    id           bigserial PRIMARY KEY,
    committee_id bigint NOT NULL REFERENCES committees (id),
    member_key   text NOT NULL,
    reviewed_at  timestamptz NOT NULL DEFAULT now(),
    reviewed_by  text NOT NULL DEFAULT ''
);
CREATE INDEX interest_reviews_member ON interest_reviews (committee_id, member_key, reviewed_at);
COMMENT ON TABLE interest_reviews IS 'Each time a member confirmed their register (or changed it, which counts as a review).';

CREATE TABLE interest_dismissals (
    member_key   text NOT NULL,
    item_id      bigint NOT NULL REFERENCES agenda_items (id),
    dismissed_at timestamptz NOT NULL DEFAULT now(),
    dismissed_by text NOT NULL DEFAULT '',
    PRIMARY KEY (member_key, item_id)
);
COMMENT ON TABLE interest_dismissals IS 'Agenda items a member said their register does not concern ("Not relevant"), so that they are not prompted about them again.';

-- +goose Down
DROP TABLE interest_dismissals;
DROP TABLE interest_reviews;
DROP TABLE interest_endings;
DROP TABLE interests;
ALTER TABLE committees DROP COLUMN gift_threshold_pence;
