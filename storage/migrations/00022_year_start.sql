-- +goose Up
-- Councils number their minutes afresh each municipal year, which most
-- start at the annual meeting in May; some bodies (a health board, a
-- partnership on the financial year) start in another month.
ALTER TABLE committees ADD COLUMN year_start smallint NOT NULL DEFAULT 5
    CHECK (year_start BETWEEN 1 AND 12);
COMMENT ON COLUMN committees.year_start IS 'Month (1-12) the municipal year starts in, from which minute numbering starts again at 1; set by /committee year-start, which is in audit_log.';

-- +goose Down
ALTER TABLE committees DROP COLUMN year_start;
