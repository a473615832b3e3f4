// Package bot is Quorum's Slack transport: signed HTTP endpoints for slash
// commands, interactions and events, Socket Mode, the App Home, Block Kit
// rendering of command replies, and the outbox worker that sends queued
// messages. It turns Slack's wire formats into commands.Requests and
// commands.Replies back into Slack's, and holds no business rules of its
// own.
package bot
