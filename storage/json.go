package storage

import (
	"database/sql/driver"
	"encoding/json"
)

// jsonb stores any JSON-encodable value in a jsonb column.
type jsonb struct{ v any }

func (j jsonb) Value() (driver.Value, error) {
	b, err := json.Marshal(j.v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}
