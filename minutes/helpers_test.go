package minutes

import (
	"os"
	"testing"
)

const packFile = "testdata/sefton-2022-03-17-pack.txt"

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
