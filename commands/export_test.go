package commands

// HoldAgendas takes every place for building an agenda, as that many
// agendas being built at once would, until release is called.
func (s *Service) HoldAgendas() (release func()) {
	n := cap(s.agendas)
	for range n {
		s.agendas <- struct{}{}
	}
	return func() {
		for range n {
			<-s.agendas
		}
	}
}

// SearchStopWords are the words the search of the minutes leaves out as
// too common to look for.
var SearchStopWords = searchStopWords

// AgendasBuilt is how many agendas s has built.
func (s *Service) AgendasBuilt() int {
	s.built.mu.Lock()
	defer s.built.mu.Unlock()
	return s.built.builds
}
