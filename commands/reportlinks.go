package commands

import (
	"net"
	"net/url"
	"strings"
	"unicode"
)

// A report link's text is chosen by whoever sends it, so it could read as
// one address while the link opens another ("<https://evil.example/x|
// https://sefton.gov.uk/report.pdf>"). A title that looks like an address or
// a domain is never used as a link's text, and the host the link really
// opens is shown beside every report title.

// neutralLabel is a link's text when its title cannot be shown as one.
const neutralLabel = "report"

// linkLabel is title as a link's text: one line, or neutralLabel when it is
// empty or looks like a web address or a domain name.
func linkLabel(title string) string {
	label := oneLine(title)
	if label == "" || LooksLikeAddress(label) {
		return neutralLabel
	}
	return label
}

// LooksLikeAddress reports whether s contains something a reader would take
// for a web address or a domain name: a scheme ("https:", "//"), "www.", an
// IP address, or a word of dot-separated labels ending in letters, as
// "sefton.gov.uk" does. A file name such as "report.pdf" is not an address.
func LooksLikeAddress(s string) bool {
	s = strings.ToLower(foldDots.Replace(s))
	if strings.Contains(s, "//") || strings.Contains(s, "www.") || strings.Contains(s, ":/") ||
		strings.Contains(s, "http:") || strings.Contains(s, "https:") {
		return true
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`()[]{}"'“”‘’,;!?<>|*_~`+"`", r)
	})
	for _, w := range words {
		host, _, _ := strings.Cut(w, "/")
		host, _, _ = strings.Cut(host, ":") // a port, as in sefton.gov.uk:443
		host = strings.Trim(host, ".")
		if host == "" {
			continue
		}
		if net.ParseIP(host) != nil || isDomain(host, strings.Contains(w, "/")) {
			return true
		}
	}
	return false
}

// foldDots maps the characters that IDNA reads as a label separator, and a
// look-alike, to a full stop.
var foldDots = strings.NewReplacer("\u3002", ".", "\uFF0E", ".", "\uFF61", ".", "\u2024", ".", "\uFE52", ".")

// fileExtensions are endings that make "name.ext" a file's name, not a
// domain's; none is a top-level domain.
var fileExtensions = map[string]bool{
	"pdf": true, "doc": true, "docx": true, "odt": true, "rtf": true, "txt": true,
	"xls": true, "xlsx": true, "ods": true, "csv": true, "ppt": true, "pptx": true,
	"odp": true, "htm": true, "html": true, "jpg": true, "jpeg": true, "png": true,
}

// isDomain reports whether w reads as a domain name: two or more labels of
// letters, digits and hyphens, the last of two or more letters. Followed by
// a path, a file's ending does not excuse it.
func isDomain(w string, withPath bool) bool {
	labels := strings.Split(w, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
		for _, r := range l {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				return false
			}
		}
	}
	last := []rune(labels[len(labels)-1])
	if len(last) < 2 {
		return false
	}
	for _, r := range last {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return withPath || len(labels) > 2 || !fileExtensions[string(last)]
}

// LinkHost is the host a link opens, as a reader should see it: in lower
// case, and with any label in other than ASCII letters written as IDNA's
// "xn--" form, so that a Cyrillic "а" cannot pass for a Latin "a". It is ""
// when rawURL has no host.
func LinkHost(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return ""
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if !isASCII(l) {
			labels[i] = "xn--" + punycode(l)
		}
	}
	return strings.Join(labels, ".")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// punycode encodes a label as RFC 3492 does, without the "xn--" prefix.
func punycode(label string) string {
	const (
		base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
		initialBias, initialN        = 72, 128
	)
	adapt := func(delta, points int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / points
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	digit := func(d int) byte {
		if d < 26 {
			return byte('a' + d)
		}
		return byte('0' + d - 26)
	}
	rs := []rune(label)
	var out []byte
	for _, r := range rs {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	n, delta, bias := initialN, 0, initialBias
	for h < len(rs) {
		m := int(unicode.MaxRune) + 1
		for _, r := range rs {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range rs {
			if int(r) < n {
				delta++
			}
			if int(r) != n {
				continue
			}
			q := delta
			for k := base; ; k += base {
				t := k - bias
				if t < tmin {
					t = tmin
				} else if t > tmax {
					t = tmax
				}
				if q < t {
					break
				}
				out = append(out, digit(t+(q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out = append(out, digit(q))
			bias = adapt(delta, h+1, h == b)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return string(out)
}
