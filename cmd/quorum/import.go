package main

import (
	"context"
	"errors"
	"io"
)

// importCmd imports published agendas and minutes.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	return errors.New("import is not available yet")
}
