// Package bot is Quorum's Slack transport: signed HTTP endpoints for slash
// commands, interactions and events, Block Kit rendering of command replies,
// and a console that drives the same commands from a terminal. It turns
// Slack's wire formats into commands.Requests and commands.Replies back into
// Slack's, and holds no business rules of its own.
package bot
