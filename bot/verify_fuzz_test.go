package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	hexenc "encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Only a request signed with the signing secret, over its own timestamp
// and body, within five minutes, is read; anything else is refused with
// 401 (413 for a body over the limit), whatever its headers hold.
func FuzzVerified(f *testing.F) {
	f.Add("command=%2Fapologies&text=next", int64(0), true, "", false)
	f.Add("payload=%7B%7D", int64(-299), true, "", true)
	f.Add("x", int64(301), true, "", false)
	f.Add("x", int64(-400), true, "", false)
	f.Add("x", int64(0), false, "v0=", false)
	f.Add("x", int64(0), false, "v0=00", false)
	f.Add("x", int64(0), false, "v1=abcd", false)
	f.Add("", int64(0), false, "V0=ABCDEF", false)
	f.Add(strings.Repeat("a", MaxBodyBytes+1), int64(0), true, "", false)
	f.Fuzz(func(t *testing.T, body string, skew int64, sign bool, sig string, upper bool) {
		const secret = "8f742231b10e8888abcd99yyyzzz85a5"
		s := NewServer(Config{SigningSecret: secret})
		now := time.Now()
		skew %= 1 << 40
		ts := strconv.FormatInt(now.Unix()+skew, 10)
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write([]byte("v0:" + ts + ":" + body))
		want := mac.Sum(nil)
		if sign {
			sig = "v0=" + hexenc.EncodeToString(want)
			if upper {
				sig = "v0=" + strings.ToUpper(hexenc.EncodeToString(want))
			}
		}
		r := httptest.NewRequest(http.MethodPost, "/slack/commands", strings.NewReader(body))
		r.Header.Set("X-Slack-Request-Timestamp", ts)
		r.Header.Set("X-Slack-Signature", sig)
		w := httptest.NewRecorder()
		got, ok := s.verified(w, r)
		// A second either side of the check's five minutes: the clock
		// moves between now above and the check.
		fresh, stale := skew >= -299 && skew <= 299, skew < -301 || skew > 301
		genuine := false
		if h, found := strings.CutPrefix(sig, "v0="); found {
			if b, err := hexenc.DecodeString(h); err == nil && hmac.Equal(b, want) {
				genuine = true
			}
		}
		switch {
		case ok && (!genuine || stale || len(body) > MaxBodyBytes):
			t.Fatalf("read a request signed %q over %d bytes, %d s off the clock", sig, len(body), skew)
		case ok && string(got) != body:
			t.Fatalf("read the body %q as %q", body, got)
		case !ok && genuine && fresh && len(body) <= MaxBodyBytes:
			t.Fatalf("refused a genuine request (%d: %s)", w.Code, w.Body)
		case !ok && len(body) > MaxBodyBytes && genuine && fresh && w.Code != http.StatusRequestEntityTooLarge:
			t.Fatalf("a body of %d bytes refused with %d", len(body), w.Code)
		case !ok && w.Code != http.StatusUnauthorized && w.Code != http.StatusRequestEntityTooLarge:
			t.Fatalf("refused with %d: %s", w.Code, w.Body)
		}
	})
}
