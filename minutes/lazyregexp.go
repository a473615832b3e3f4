package minutes

import (
	"regexp"
	"sync/atomic"
)

// lazyRegexp is a regular expression compiled when it is first used.
// The reader has over two hundred; compiled when the package starts, as
// regexp.MustCompile at package level does, they cost every program that
// links it 2.4 MiB of heap for as long as it runs and 7.7 MiB allocated
// before main. quorum serve links the reader for /agenda import and
// /minutes import and reads no document otherwise, yet its collector
// scanned those compiled programs at every cycle, under load tens of times
// a second, and serve started 5.4 MiB larger for them (30.2 MiB resident
// against 24.8). Compiled on first use, they cost nothing until a
// document is read.
type lazyRegexp struct {
	src string
	re  atomic.Pointer[regexp.Regexp]
}

// compileLater returns src to be compiled when first used. A pattern that
// does not compile panics there, as MustCompile would have at start;
// TestEveryPatternCompiles compiles them all.
func compileLater(src string) *lazyRegexp {
	l := &lazyRegexp{src: src}
	allPatterns = append(allPatterns, l)
	return l
}

// allPatterns are the package's patterns, for TestEveryPatternCompiles.
var allPatterns []*lazyRegexp

// get is the compiled pattern. Its common path is one atomic load, small
// enough to be inlined where the pattern is used.
func (l *lazyRegexp) get() *regexp.Regexp {
	if re := l.re.Load(); re != nil {
		return re
	}
	return l.compile()
}

// compile compiles the pattern for get. Two readers may compile it at
// once; they compile alike, and one's is kept.
func (l *lazyRegexp) compile() *regexp.Regexp {
	l.re.CompareAndSwap(nil, regexp.MustCompile(l.src))
	return l.re.Load()
}

func (l *lazyRegexp) MatchString(s string) bool { return l.get().MatchString(s) }
func (l *lazyRegexp) FindString(s string) string {
	return l.get().FindString(s)
}
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string {
	return l.get().FindStringSubmatch(s)
}
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
func (l *lazyRegexp) FindAllString(s string, n int) []string {
	return l.get().FindAllString(s, n)
}
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	return l.get().FindAllStringSubmatch(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
func (l *lazyRegexp) ReplaceAllString(s, repl string) string {
	return l.get().ReplaceAllString(s, repl)
}
func (l *lazyRegexp) Split(s string, n int) []string { return l.get().Split(s, n) }
