package storage

import (
	"slices"

	"github.com/quorumhq/quorum/commands"
)

// sortMembers sorts rows, read in the order of their Slack IDs so that
// names that compare the same keep one order, as members lists them: by role (roleRank), then
// by name as commands.SortByName orders names, whatever the database's
// collation (under the C locale that a cluster is often made with,
// lower(name) puts every accented capital after Zoë). The lists are a
// committee's members, so sorting them here costs nothing an index would
// have saved.
func sortMembers(rows []memberRow) {
	commands.SortByName(rows, func(r memberRow) string { return r.Name })
	slices.SortStableFunc(rows, func(a, b memberRow) int { return roleRank(a.Role) - roleRank(b.Role) })
}
