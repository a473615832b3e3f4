package storage

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// People are listed as a reader looks a name up: Órla under O and Éamon
// under E, whatever the database's collation. Under the C collation that
// a cluster is often made with, lower(name) puts every accented capital
// after Zoë. The lists are a committee's members, so sorting them here
// costs nothing the index would have saved.

// collators are British English collators that ignore case, accents and
// width; a Collator keeps buffers, so each sort takes one of its own.
var collators = sync.Pool{New: func() any { return collate.New(language.BritishEnglish, collate.Loose) }}

// sortByName sorts s by name, keeping the order s came in (the
// statement's) for names that compare equal and among those first that
// come before others.
func sortByName[T any](s []T, first func(a, b T) int, name func(T) string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	slices.SortStableFunc(s, func(a, b T) int {
		if n := first(a, b); n != 0 {
			return n
		}
		return c.CompareString(name(a), name(b))
	})
}
