package bot

import (
	"errors"
	"net/http"

	"github.com/quorumhq/quorum/commands"
)

// minutesPage serves a meeting's minutes as a printable page, at the
// unguessable address /minutes/{meeting}-{token} that /minutes post and
// /minutes draft give.
func (s *Server) minutesPage(w http.ResponseWriter, r *http.Request) {
	page, err := s.cfg.Service.MinutesPage(r.Context(), r.PathValue("ref"), s.cfg.Now())
	if errors.Is(err, commands.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		ref := newRef()
		s.log.Warn("minutes page failed", "ref", ref, "err", err)
		http.Error(w, "minutes unavailable (ref "+ref+")", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Robots-Tag", "noindex")
	w.Header().Set("Referrer-Policy", "no-referrer")
	// The page is the records as members typed them: should escaping ever
	// let markup through, the browser still runs no script, loads nothing
	// and sends no form, and no other site can frame the page. Its one
	// style sheet is inline.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(page)
}
